"""The fields of the editors' forms drawn in Python: the same HTML as Django's own form
templates (label, help text, errors, widget), without a template render per field and per
option.

A round's entry page holds some 200 fields and 1,500 options, its set-up dozens of member
rows: through Django's templates every field, label, empty error list and option is a
template render of its own (about 0.25 s for the busiest round). Here a field is a few
string joins, and a choice list that every row offers (the parties, the agenda issues, the
sources) is one `SharedChoices`, escaped once a request, that the rows refer to instead of
each copying it. What is drawn is what Django draws, byte for byte (a test holds it); a
widget this module does not know is drawn by Django as before.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from django import forms
from django.forms.boundfield import BoundField
from django.forms.formsets import (
    INITIAL_FORM_COUNT,
    MAX_NUM_FORM_COUNT,
    MIN_NUM_FORM_COUNT,
    TOTAL_FORM_COUNT,
    ManagementForm,
)
from django.forms.utils import ErrorList
from django.forms.widgets import ChoiceWidget
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


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


def _escape(value: Any) -> str:
    """What the templates' autoescaping makes of a value: django.utils.html.conditional_escape,
    without its lazy-string wrapper and SafeString, which cost more than the escaping."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _groups(choices: Iterable[Any]) -> list[Group]:
    """A choice list's options, escaped, in their groups (as ChoiceWidget.optgroups reads them)."""
    groups: list[Group] = []
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            groups.append((_escape(value), [_option(v, sub) for v, sub in label]))
        else:
            groups.append((None, [_option("" if value is None else value, label)]))
    return groups


def _option(value: Any, label: Any) -> Option:
    value_html, label_html = _escape(value), _escape(label)
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
        f" {_attribute_name(name)}" if value is True else f' {_attribute_name(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(kind: str, name: str, value: Any, attrs: Mapping[str, Any]) -> str:
    shown = "" if value is None else f' value="{_escape(value)}"'
    return f'<input type="{_escape(kind)}" name="{_escape(name)}"{shown}{attributes(attrs)}>'


def _select(widget: ChoiceWidget, name: str, picked: list[str], attrs: Mapping[str, Any]) -> str:
    """select.html with its select_option.html: one option picked at most."""
    parts = [f'<select name="{_escape(name)}"{attributes(attrs)}>']
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
    parts = ["<div", f' id="{_escape(box_id)}"' if box_id else ""]
    if attrs.get("class"):
        parts.append(f' class="{_escape(attrs["class"])}"')
    parts.append(">")
    name_html = _escape(name)
    for index, (_group, options) in enumerate(_groups_of(widget)):
        value, value_html, label_html = options[0][:3]
        box = dict(attrs)
        if value in picked:
            box["checked"] = True
        if box_id:
            box["id"] = f"{box_id}_{index}"
        label_for = f' for="{_escape(box["id"])}"' if box.get("id") else ""
        parts.append(
            f'<div>\n    <label{label_for}><input type="checkbox" name="{name_html}" value="{value_html}"'
            f"{attributes(box)}>\n {label_html}</label>\n\n</div>"
        )
    parts.append("\n</div>")
    return "".join(parts)


def _draws(widget: forms.Widget) -> bool:
    """Whether this module draws the widget: Django's own input, textarea, select and
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
        text = _escape(context["value"]) if context["value"] else ""
        return f'<textarea name="{_escape(name)}"{attributes(context["attrs"])}>\n{text}</textarea>'
    return _input(context["type"], name, context["value"], context["attrs"])


class FieldMarkup(BoundField):
    """A bound field drawn in Python, as Django's templates draw it (field.html, label.html
    and the widget's template); anything this module does not know goes to Django."""

    def as_field_group(self) -> SafeString:
        if getattr(self.field, "template_name", None):  # a field drawn by a template of its own
            return super().as_field_group()
        errors, auto_id = self.errors, self.auto_id
        label: str = ""
        if self.label:
            label = self.legend_tag() if self.use_fieldset else self.label_tag()
        help_text = ""
        if self.help_text:
            help_id = f' id="{_escape(auto_id)}_helptext"' if auto_id else ""
            help_text = f'<div class="helptext"{help_id}>{self.help_text}</div>'
        shown = f"{errors}" if errors else ""
        widget = self._drawn(errors, auto_id) if self.field.show_hidden_initial is False else None
        widget = widget if widget is not None else str(self)
        if self.use_fieldset:
            described = self.aria_describedby
            described = f' aria-describedby="{_escape(described)}"' if described else ""
            drawn = f"\n  <fieldset{described}>\n  {label}\n\n{help_text}\n{shown}\n{widget}</fieldset>"
        else:
            drawn = f"\n  {label}\n\n{help_text}\n{shown}\n{widget}"
        return mark_safe(drawn.strip())

    def as_widget(
        self, widget: forms.Widget | None = None, attrs: dict[str, Any] | None = None, only_initial: bool = False
    ) -> SafeString:
        if widget is None and attrs is None and not only_initial:
            drawn = self._drawn(self.errors, self.auto_id)
            if drawn is not None:
                return mark_safe(drawn)
        return super().as_widget(widget, attrs, only_initial)

    def _drawn(self, errors: ErrorList, auto_id: str) -> str | None:
        """The field's own widget drawn with the attributes BoundField.as_widget gives it
        (build_widget_attrs and aria_describedby, the errors read once); None for a widget
        this module leaves to Django."""
        widget, field = self.field.widget, self.field
        if field.localize or not _draws(widget):
            return None
        attrs: dict[str, Any] = {}
        if widget.use_required_attribute(self.initial) and field.required and self.form.use_required_attribute:
            attrs["required"] = True
        if field.disabled:
            attrs["disabled"] = True
        if errors and not widget.is_hidden:
            attrs["aria-invalid"] = "true"
        if not widget.use_fieldset and not widget.attrs.get("aria-describedby") and auto_id and not widget.is_hidden:
            described = [f"{auto_id}_helptext"] if self.help_text else []
            if errors:
                described.append(f"{auto_id}_error")
            if described:
                attrs["aria-describedby"] = " ".join(described)
        if auto_id and "id" not in widget.attrs:
            attrs["id"] = auto_id
        return draw_widget(widget, self.html_name, self.value(), attrs)

    def label_tag(
        self,
        contents: str | None = None,
        attrs: dict[str, Any] | None = None,
        label_suffix: str | None = None,
        tag: str | None = None,
    ) -> SafeString:
        # BoundField.label_tag's rules, drawn as django/forms/label.html draws them.
        text: Any = contents or self.label
        if label_suffix is None:
            label_suffix = self.field.label_suffix if self.field.label_suffix is not None else self.form.label_suffix
        if label_suffix and text and text[-1] not in _(":?.!"):
            text = mark_safe(f"{_escape(text)}{_escape(label_suffix)}")
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        if not id_:
            return mark_safe(_escape(text))
        id_for_label = widget.id_for_label(id_)
        if id_for_label:
            attrs = {**(attrs or {}), "for": id_for_label}
        if self.field.required and hasattr(self.form, "required_css_class"):
            attrs = attrs or {}
            required = self.form.required_css_class
            attrs["class"] = f"{attrs['class']} {required}" if "class" in attrs else required
        tag = tag or "label"
        return mark_safe(f"<{tag}{attributes(attrs or {})}>{_escape(text)}</{tag}>")


class ErrorsIfAny(ErrorList):
    """An error list that draws nothing, without a template, when it holds no error: every
    row's field and non-field errors are drawn, and nearly all of them are empty."""

    def render(self, template_name: str | None = None, context: Any = None, renderer: Any = None) -> SafeString:
        if not self.data:
            return SafeString("")
        return super().render(template_name, context, renderer)

    __str__ = render
    __html__ = render


class DrawnForm(forms.Form):
    """A form whose fields are drawn by this module, and whose empty error lists cost nothing."""

    bound_field_class = FieldMarkup

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("error_class", ErrorList) is ErrorList:  # a formset passes Django's own
            kwargs["error_class"] = ErrorsIfAny
        super().__init__(*args, **kwargs)


class DrawnManagementForm(ManagementForm):
    """A formset's hidden counts, drawn as Django's div.html draws a form of hidden fields
    (one after another); with an error, Django draws it."""

    bound_field_class = FieldMarkup

    def render(self, template_name: str | None = None, context: Any = None, renderer: Any = None) -> SafeString:
        if template_name or context or self.errors:
            return super().render(template_name, context, renderer)
        return mark_safe("".join(str(field) for field in self.hidden_fields()))

    __str__ = render
    __html__ = render


class DrawnFormSet(forms.BaseFormSet):
    """A formset whose management form is drawn by this module."""

    @cached_property
    def management_form(self) -> ManagementForm:
        # As BaseFormSet.management_form, with the class above.
        renderer = self.renderer  # type: ignore[attr-defined]  # the stubs leave BaseFormSet.renderer out
        if self.is_bound:
            form = DrawnManagementForm(self.data, auto_id=self.auto_id, prefix=self.prefix, renderer=renderer)
            form.full_clean()
            return form
        counts = {
            TOTAL_FORM_COUNT: self.total_form_count(),
            INITIAL_FORM_COUNT: self.initial_form_count(),
            MIN_NUM_FORM_COUNT: self.min_num,
            MAX_NUM_FORM_COUNT: self.max_num,
        }
        return DrawnManagementForm(auto_id=self.auto_id, prefix=self.prefix, initial=counts, renderer=renderer)


def datalist_options(
    options: Iterable[tuple[Any, Mapping[str, Any], Any]], *, before: str = "", closed: bool = True
) -> SafeString:
    """The <option>s of a <datalist> (each a value, its attributes and its text), drawn once
    for every row whose input refers to the list: `before` each one, and closed when
    `closed` (as each page's template drew them)."""
    end = "</option>" if closed else ""
    return mark_safe(
        "".join(
            f'{before}<option value="{_escape(value)}"{attributes(attrs)}>{_escape(text)}{end}'
            for value, attrs, text in options
        )
    )
