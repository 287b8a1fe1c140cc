"""Bound fields drawn in Python, as Django's field.html and label.html draw them around
their widget (issues.editorial.markup.widgets), and the forms and formsets whose fields are
drawn so."""

from __future__ import annotations

from typing import Any

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
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from issues.editorial.markup.widgets import attributes, draw_widget, drawn_here, escaped


class FieldMarkup(BoundField):
    """A bound field drawn in Python, as Django's templates draw it (field.html, label.html
    and the widget's template); anything not drawn here goes to Django."""

    def as_field_group(self) -> SafeString:
        if getattr(self.field, "template_name", None):  # a field drawn by a template of its own
            return super().as_field_group()
        errors, auto_id = self.errors, self.auto_id
        label: str = ""
        if self.label:
            label = self.legend_tag() if self.use_fieldset else self.label_tag()
        help_text = ""
        if self.help_text:
            help_id = f' id="{escaped(auto_id)}_helptext"' if auto_id else ""
            help_text = f'<div class="helptext"{help_id}>{self.help_text}</div>'
        shown = f"{errors}" if errors else ""
        widget = self._drawn(errors, auto_id) if self.field.show_hidden_initial is False else None
        widget = widget if widget is not None else str(self)
        if self.use_fieldset:
            described = self.aria_describedby
            described = f' aria-describedby="{escaped(described)}"' if described else ""
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
        left to Django."""
        widget, field = self.field.widget, self.field
        if field.localize or not drawn_here(widget):
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
            text = mark_safe(f"{escaped(text)}{escaped(label_suffix)}")
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        if not id_:
            return mark_safe(escaped(text))
        id_for_label = widget.id_for_label(id_)
        if id_for_label:
            attrs = {**(attrs or {}), "for": id_for_label}
        if self.field.required and hasattr(self.form, "required_css_class"):
            attrs = attrs or {}
            required = self.form.required_css_class
            attrs["class"] = f"{attrs['class']} {required}" if "class" in attrs else required
        tag = tag or "label"
        return mark_safe(f"<{tag}{attributes(attrs or {})}>{escaped(text)}</{tag}>")


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
    """A form whose fields are drawn here, and whose empty error lists cost nothing."""

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
    """A formset whose management form is drawn here."""

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
