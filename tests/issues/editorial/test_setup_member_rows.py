"""The set-up page's member rows, drawn by a template tag (issues.editorial.templatetags.setup),
are what the page's template drew, byte for byte: as they open, typed, refused with the
people a name may be, and as the empty row that "Another member" copies."""

import datetime

import pytest
from django.http import QueryDict
from django.template import engines

from delegations.models import Attendance
from delegations.services import attendance_save
from issues.editorial.setup.offer import SetupOffer
from issues.editorial.setup.sheet import SetupSheet
from negotrack.groups import system_user
from tests.factories import (
    DelegationFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

ODD = "<b>&\"'</b>"

# templates/setup/_member.html, which the tag replaced, as it stood.
AS_THE_TEMPLATE_DREW_THEM = """{% comment %}A member row, its choices written out here rather than by the widgets' templates: a round's set-up holds dozens of rows, and this keeps its page fast.{% endcomment %}
<fieldset class="entry-row member-row{% if form.errors %} has-errors{% endif %}" id="{{ form.prefix }}">
  <legend>Member {% if form.prefix == "members-__prefix__" %}__number__{% else %}{{ form.number }}{% endif %}</legend>
  {{ form.record }}{{ form.version }}
  {{ form.non_field_errors }}
  <div class="entry-grid">
    {% with field=form.person %}<div class="field">
      <label for="{{ field.auto_id }}">{{ field.label }}</label><div class="helptext" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</div>{{ field.errors }}
      <input type="text" name="{{ field.html_name }}" id="{{ field.auto_id }}" value="{{ field.value|default_if_none:"" }}" maxlength="200" list="people" autocomplete="off" aria-describedby="{{ field.auto_id }}_helptext"{% if field.errors %} aria-invalid="true"{% endif %}>
    </div>{% endwith %}
    {% with field=form.title %}<div class="field">
      <label for="{{ field.auto_id }}">{{ field.label }}</label><div class="helptext" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</div>{{ field.errors }}
      <input type="text" name="{{ field.html_name }}" id="{{ field.auto_id }}" value="{{ field.value|default_if_none:"" }}" maxlength="300" aria-describedby="{{ field.auto_id }}_helptext"{% if field.errors %} aria-invalid="true"{% endif %}>
    </div>{% endwith %}
    {% with field=form.role chosen=form.role.value %}<div class="field">
      <label for="{{ field.auto_id }}">{{ field.label }}</label>{{ field.errors }}
      <select name="{{ field.html_name }}" id="{{ field.auto_id }}">{% for value, label in field.field.choices %}<option value="{{ value }}"{% if value == chosen %} selected{% endif %}>{{ label }}</option>{% endfor %}</select>
    </div>{% endwith %}
    {% with field=form.delegation chosen=form.delegation.value|stringformat:"s" %}<div class="field">
      <label for="{{ field.auto_id }}">{{ field.label }}</label>{{ field.errors }}
      <select name="{{ field.html_name }}" id="{{ field.auto_id }}" data-numbered="delegations">{% for value, label in field.field.choices %}<option value="{{ value }}"{% if value == chosen %} selected{% endif %}>{{ label }}</option>{% endfor %}</select>
    </div>{% endwith %}
  </div>
  {% if form.offered %}
  <fieldset class="setup-pick">
    <legend>Who is “{{ form.person.value }}”?</legend>
    {% for person in form.offered %}<label><input type="radio" name="{{ form.pick.html_name }}" value="{{ person.slug }}"> {{ person.name }} <span class="meta">({{ person.slug }}){% if person.description %} — {{ person.description }}{% endif %}</span></label>{% endfor %}
    <label><input type="radio" name="{{ form.pick.html_name }}" value="new"> This is a new person: {{ form.person.value }}</label>
  </fieldset>
  {% else %}{{ form.pick }}{% endif %}
  {% with field=form.sessions chosen=form.sessions.value %}<div class="entry-wide"><div class="choices"><fieldset>
    <legend>{{ field.label }}</legend><div class="helptext">{{ field.help_text }}</div>{{ field.errors }}
    <div id="{{ field.auto_id }}">{% for value, label in field.field.choices %}<div><label for="{{ field.auto_id }}_{{ forloop.counter0 }}"><input type="checkbox" name="{{ field.html_name }}" value="{{ value }}" id="{{ field.auto_id }}_{{ forloop.counter0 }}" data-numbered="sessions"{% if value in chosen %} checked{% endif %}> {{ label }}</label></div>{% endfor %}</div>
  </fieldset></div></div>{% endwith %}
</fieldset>
"""  # noqa: E501


@pytest.fixture
def geneva():
    """A round with two sessions and two delegations, their members sitting in some of them,
    and two people of one name on record."""
    talk_round = RoundFactory(process=ProcessFactory(), city="Geneva", start_date=datetime.date(2026, 2, 17))
    first = SessionFactory(round=talk_round, date=talk_round.start_date)
    SessionFactory(round=talk_round, date=talk_round.start_date, track="military")
    ukrainians = DelegationFactory(round=talk_round, party=PartyFactory(name=ODD))
    DelegationFactory(round=talk_round, party=PartyFactory(name="Russia"))
    head = MembershipFactory(delegation=ukrainians, person=PersonFactory(name=ODD), title=ODD, role="head")
    MembershipFactory(delegation=ukrainians, title="")
    PersonFactory(name="Oleksii Reznikov", slug="oleksii-reznikov", description=ODD)
    PersonFactory(name="Oleksii Reznikov", slug="oleksii-reznikov-2")
    attendance_save(Attendance(session=first, membership=head), by=system_user())
    return talk_round


def drawn_both_ways(form):
    by_template = engines["django"].from_string(AS_THE_TEMPLATE_DREW_THEM).render({"form": form})
    by_tag = engines["django"].from_string("{% load setup %}{% member_row form %}").render({"form": form})
    return by_template, by_tag


def member_rows(sheet):
    formset = sheet.formsets["members"]
    return [*formset.forms, formset.empty_form]


def test_the_rows_as_they_open_are_what_the_template_drew(geneva):
    rows = member_rows(SetupSheet(SetupOffer.load(geneva)))

    assert len(rows) == 3
    for form in rows:
        by_template, by_tag = drawn_both_ways(form)
        assert by_tag == by_template
    assert "checked" in drawn_both_ways(rows[0])[1] and "__number__" in drawn_both_ways(rows[-1])[1]


def test_typed_and_refused_rows_are_what_the_template_drew(geneva):
    offer = SetupOffer.load(geneva)
    opened = SetupSheet(offer)
    data = QueryDict(mutable=True)
    for name, value in opened.typed()["round"].items():
        data[f"round-{name}"] = "" if value is None else str(value)
    for prefix in ("sessions", "delegations", "members"):
        rows = opened.typed()[prefix]
        data.update({f"{prefix}-TOTAL_FORMS": str(len(rows) + (prefix == "members")), f"{prefix}-INITIAL_FORMS": "0"})
        for number, row in enumerate(rows):
            for name, value in row.items():
                values = value if isinstance(value, list) else [value]
                data.setlist(f"{prefix}-{number}-{name}", ["" if item is None else str(item) for item in values])
    data.setlist("members-1-sessions", ["1", "2"])
    data.update({"members-1-person": "Oleksii Reznikov", "members-1-role": "chair", "members-1-title": ODD})
    data.update({"members-2-delegation": "2", "members-2-person": "Oleksi Reznikov", "members-2-role": "nobody"})
    sheet = SetupSheet(offer, data)

    assert not sheet.is_valid()
    rows = member_rows(sheet)
    assert any(form.offered for form in rows) and any(form.errors for form in rows)
    for form in rows:
        by_template, by_tag = drawn_both_ways(form)
        assert by_tag == by_template
