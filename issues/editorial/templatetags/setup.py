"""Template tags of the round set-up page: its member rows, drawn in Python as the page's
template drew them.

A round's set-up holds dozens of member rows, each with its name, title, role, delegation
and the sessions sat in: through the template engine each cost about 400 µs, a third of
the page's time. As with the analysts' tags (issues.pages.templatetags.record), the HTML
is built here with every value escaped, and is the same, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from issues.editorial.setup.members import MemberRow

register = template.Library()

# A row, with the whitespace its template gave it (a comment on the first line, then this).
ROW = """
<fieldset class="entry-row member-row{has_errors}" id="{prefix}">
  <legend>Member {number}</legend>
  {record}{version}
  {non_field_errors}
  <div class="entry-grid">
    <div class="field">
      <label for="{person_id}">{person_label}</label><div class="helptext" id="{person_id}_helptext">{person_help}</div>{person_errors}
      <input type="text" name="{person_name}" id="{person_id}" value="{person_value}" maxlength="200" list="people" autocomplete="off" aria-describedby="{person_id}_helptext"{person_invalid}>
    </div>
    <div class="field">
      <label for="{title_id}">{title_label}</label><div class="helptext" id="{title_id}_helptext">{title_help}</div>{title_errors}
      <input type="text" name="{title_name}" id="{title_id}" value="{title_value}" maxlength="300" aria-describedby="{title_id}_helptext"{title_invalid}>
    </div>
    <div class="field">
      <label for="{role_id}">{role_label}</label>{role_errors}
      <select name="{role_name}" id="{role_id}">{role_options}</select>
    </div>
    <div class="field">
      <label for="{delegation_id}">{delegation_label}</label>{delegation_errors}
      <select name="{delegation_name}" id="{delegation_id}" data-numbered="delegations">{delegation_options}</select>
    </div>
  </div>
  {pick}
  <div class="entry-wide"><div class="choices"><fieldset>
    <legend>{sessions_label}</legend><div class="helptext">{sessions_help}</div>{sessions_errors}
    <div id="{sessions_id}">{sessions_boxes}</div>
  </fieldset></div></div>
</fieldset>
"""  # noqa: E501

PICK = """
  <fieldset class="setup-pick">
    <legend>Who is “{typed}”?</legend>
    {people}
    <label><input type="radio" name="{name}" value="new"> This is a new person: {typed}</label>
  </fieldset>
  """


@register.simple_tag
def member_row(form: MemberRow) -> SafeString:
    """One member row: who, their title, role and delegation, and the sessions they sat in."""
    parts: dict[str, Any] = {
        "has_errors": " has-errors" if form.errors else "",
        "prefix": _escape(form.prefix),
        "number": "__number__" if form.prefix == "members-__prefix__" else form.number,
        "record": form["record"],
        "version": form["version"],
        "non_field_errors": form.non_field_errors(),
        "pick": _pick(form) if form.offered else form["pick"],
    }
    for name in ("person", "title", "role", "delegation", "sessions"):
        field = form[name]
        errors = field.errors
        parts |= {
            f"{name}_id": _escape(field.auto_id),
            f"{name}_name": _escape(field.html_name),
            f"{name}_label": _escape(field.label),
            f"{name}_help": _escape(field.help_text),
            f"{name}_errors": errors,
            f"{name}_invalid": ' aria-invalid="true"' if errors else "",
        }
    for name in ("person", "title"):
        value = form[name].value()
        parts[f"{name}_value"] = "" if value is None else _escape(value)
    parts["role_options"] = _options(form.choice_field("role").choices, form["role"].value())
    parts["delegation_options"] = _options(form.choice_field("delegation").choices, f"{form['delegation'].value()}")
    parts["sessions_boxes"] = _boxes(form)
    return mark_safe(ROW.format(**parts))


def _escape(value: Any) -> str:
    return conditional_escape(value)


def _options(choices: Any, chosen: Any) -> str:
    return "".join(
        f'<option value="{_escape(value)}"{" selected" if value == chosen else ""}>{_escape(label)}</option>'
        for value, label in choices
    )


def _boxes(form: MemberRow) -> str:
    field = form["sessions"]
    chosen, box_id, name = field.value(), _escape(field.auto_id), _escape(field.html_name)
    boxes = []
    sessions = cast(Iterable[tuple[Any, Any]], form.choice_field("sessions").choices)
    for index, (value, label) in enumerate(sessions):
        checked = " checked" if _contains(chosen, value) else ""
        boxes.append(
            f'<div><label for="{box_id}_{index}"><input type="checkbox" name="{name}" value="{_escape(value)}" '
            f'id="{box_id}_{index}" data-numbered="sessions"{checked}> {_escape(label)}</label></div>'
        )
    return "".join(boxes)


def _contains(chosen: Any, value: Any) -> bool:
    # As the template's `in` did: anything that cannot hold the value holds nothing.
    try:
        return value in chosen
    except TypeError:
        return False


def _pick(form: MemberRow) -> str:
    """The people a refused name may be, to pick one, or "This is a new person"."""
    typed, name = _escape(form["person"].value()), _escape(form["pick"].html_name)
    people = "".join(
        f'<label><input type="radio" name="{name}" value="{_escape(person.slug)}"> {_escape(person.name)} '
        f'<span class="meta">({_escape(person.slug)})'
        f"{f' — {_escape(person.description)}' if person.description else ''}</span></label>"
        for person in form.offered
    )
    return PICK.format(typed=typed, people=people, name=name)
