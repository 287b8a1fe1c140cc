"""Widgets drawn in Python: the same HTML as Django's widget templates (input.html,
textarea.html, select.html, checkbox_select.html and their option templates); the choice
lists the rows of a form share, their options escaped once; and the options of a
<datalist>, drawn once for all the rows whose inputs refer to it."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from django import forms
from django.forms.widgets import ChoiceWidget
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.safestring import SafeString, mark_safe


class Option(NamedTuple):
    """One choice, escaped once: its value as a string (to compare with the values picked),
    its value and label as HTML, and its <option> in a <select>, as it is and picked."""

    value: str
    value_html: str
    label_html: str
    in_select: str
    in_select_picked: str


# Options under an <optgroup> label (escaped), or under None when not in a group.
Group = tuple[str | None, list[Option]]

# Widgets whose Django template is input.html, included as it is.
INPUTS = (
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.HiddenInput,
    forms.DateInput,
    forms.DateTimeInput,
    forms.TimeInput,
    forms.CheckboxInput,
)


def escaped(value: Any) -> str:
    """What the templates' autoescaping makes of a value: django.utils.html.conditional_escape,
    without its lazy-string wrapper and SafeString, which cost more than the escaping."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _groups(choices: Iterable[Any]) -> list[Group]:
    """A choice list's options, escaped, in their groups (as ChoiceWidget.optgroups reads them)."""
    groups: list[Group] = []
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            groups.append((escaped(value), [_option(v, sub) for v, sub in label]))
        else:
            groups.append((None, [_option("" if value is None else value, label)]))
    return groups


def _option(value: Any, label: Any) -> Option:
    value_html, label_html = escaped(value), escaped(label)
    drawn = f'\n  <option value="{value_html}"{{}}>{label_html}</option>\n'
    return Option(str(value), value_html, label_html, drawn.format(""), drawn.format(" selected"))


class SharedChoices(BaseChoiceIterator):
    """A choice list that every row of a form offers (the offer's, or a field's fixed
    vocabulary). Django takes a BaseChoiceIterator as it is, so the rows share this one
    instead of each copying and normalizing its own, and its options are escaped once,
    when the first row is drawn."""

    def __init__(self, choices: Iterable[Any]) -> None:
        self.choices: list[Any] = normalize_choices(list(choices))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.choices)

    def __len__(self) -> int:
        return len(self.choices)

    # Shared, not copied: a form copies its class's fields for every row it makes.
    def __copy__(self) -> SharedChoices:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> SharedChoices:
        return self

    @cached_property
    def groups(self) -> list[Group]:
        return _groups(self.choices)


def _groups_of(widget: ChoiceWidget) -> list[Group]:
    choices = widget.choices
    return choices.groups if isinstance(choices, SharedChoices) else _groups(choices)


@lru_cache(maxsize=256)
def _attribute_name(name: str) -> str:
    return html.escape(name)  # the names come from the code, a few dozen of them


def attributes(attrs: Mapping[str, Any]) -> str:
    """HTML attributes as django/forms/attrs.html writes them: a True one bare, a False one left out."""
    return "".join(
        f" {_attribute_name(name)}" if value is True else f' {_attribute_name(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(kind: str, name: str, value: Any, attrs: Mapping[str, Any]) -> str:
    shown = "" if value is None else f' value="{escaped(value)}"'
    return f'<input type="{escaped(kind)}" name="{escaped(name)}"{shown}{attributes(attrs)}>'


def _select(widget: ChoiceWidget, name: str, picked: list[str], attrs: Mapping[str, Any]) -> str:
    """select.html with its select_option.html: one option picked at most."""
    parts = [f'<select name="{escaped(name)}"{attributes(attrs)}>']
    found = False
    for group, options in _groups_of(widget):
        if group:
            parts.append(f'\n  <optgroup label="{group}">')
        for option in options:
            selected = not found and option.value in picked
            found |= selected
            parts.append(option.in_select_picked if selected else option.in_select)
        if group:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _checkboxes(widget: forms.CheckboxSelectMultiple, name: str, picked: list[str], attrs: dict[str, Any]) -> str:
    """multiple_input.html with its checkbox_option.html: each box carries the widget's
    attributes, and its own id."""
    box_id = attrs.get("id")
    parts = ["<div", f' id="{escaped(box_id)}"' if box_id else ""]
    if attrs.get("class"):
        parts.append(f' class="{escaped(attrs["class"])}"')
    parts.append(">")
    name_html = escaped(name)
    for index, (_group, options) in enumerate(_groups_of(widget)):
        value, value_html, label_html = options[0][:3]
        box = dict(attrs)
        if value in picked:
            box["checked"] = True
        if box_id:
            box["id"] = f"{box_id}_{index}"
        label_for = f' for="{escaped(box["id"])}"' if box.get("id") else ""
        parts.append(
            f'<div>\n    <label{label_for}><input type="checkbox" name="{name_html}" value="{value_html}"'
            f"{attributes(box)}>\n {label_html}</label>\n\n</div>"
        )
    parts.append("\n</div>")
    return "".join(parts)


def drawn_here(widget: forms.Widget) -> bool:
    """Whether the widget is drawn here: Django's own input, textarea, select and
    checkbox list, with their own templates and no groups among the boxes."""
    if isinstance(widget, forms.CheckboxSelectMultiple):
        plain = widget.template_name == "django/forms/widgets/checkbox_select.html"
        return plain and not any(isinstance(label, (list, tuple)) for _, label in widget.choices)
    if isinstance(widget, forms.Select):
        return type(widget) is forms.Select and widget.template_name == "django/forms/widgets/select.html"
    if isinstance(widget, forms.Textarea):
        return widget.template_name == "django/forms/widgets/textarea.html"
    return isinstance(widget, INPUTS) and widget.template_name.startswith("django/forms/widgets/")


def draw_widget(widget: forms.Widget, name: str, value: Any, attrs: dict[str, Any]) -> str:
    """A widget Django would draw with these arguments (its `render`), as Django draws it."""
    if isinstance(widget, ChoiceWidget):
        picked = widget.format_value(value)
        every = widget.build_attrs(widget.attrs, attrs)
        if isinstance(widget, forms.CheckboxSelectMultiple):
            return _checkboxes(widget, name, picked, every)
        return _select(widget, name, picked, every)
    context = widget.get_context(name, value, attrs)["widget"]
    if isinstance(widget, forms.Textarea):
        text = escaped(context["value"]) if context["value"] else ""
        return f'<textarea name="{escaped(name)}"{attributes(context["attrs"])}>\n{text}</textarea>'
    return _input(context["type"], name, context["value"], context["attrs"])


def datalist_options(
    options: Iterable[tuple[Any, Mapping[str, Any], Any]], *, before: str = "", closed: bool = True
) -> SafeString:
    """The <option>s of a <datalist> (each a value, its attributes and its text), drawn once
    for every row whose input refers to the list: `before` each one, and closed when
    `closed` (as each page's template drew them)."""
    end = "</option>" if closed else ""
    return mark_safe(
        "".join(
            f'{before}<option value="{escaped(value)}"{attributes(attrs)}>{escaped(text)}{end}'
            for value, attrs, text in options
        )
    )
