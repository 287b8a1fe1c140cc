"""The entry page's status rows, drawn by a template tag (issues.editorial.templatetags.entry),
are what the page's template drew, byte for byte: with every kind of status beside them,
as they open and as they come back refused."""

import datetime

import pytest
from django.http import QueryDict
from django.template import engines

from issues.editorial.entry.offer import Offer
from issues.editorial.entry.sheet import Sheet
from tests.factories import IssueFactory, IssueStatusFactory, ProcessFactory, RoundFactory

pytestmark = pytest.mark.django_db

ODD = "<b>&\"'</b>"

# The loop of templates/entry/round.html that the tag replaced, as it stood.
AS_THE_TEMPLATE_DREW_THEM = """{% load record %}{% for form, issue, beside in sheet.status_lines %}
    <fieldset class="entry-row status-row{% if form.errors %} has-errors{% endif %}" id="{{ form.prefix }}">
      <legend>{{ issue.name|default:"An unknown issue" }}</legend>
      {{ form.issue }}{{ form.seen }}
      {{ form.non_field_errors }}
      <p class="meta">Last assessed: {% for status in beside %}{% if not forloop.first %}; {% endif %}{% status status.status %} {% if status.round_id == round.pk %}at this round{% if status.state == "published" %} (a new status here corrects it){% endif %}{% elif status.round_id %}at {{ status.round }}{% else %}{{ status.date|date:"j M Y" }}{% endif %}{% if status.state == "draft" %} <strong>(draft waiting for review)</strong>{% endif %}{% empty %}never{% endfor %}</p>
      <div class="entry-grid">
        <div class="field">{{ form.status.as_field_group }}</div>
        <div class="field">{{ form.summary.as_field_group }}</div>
      </div>
      {% include "entry/_source.html" %}
    </fieldset>
    {% endfor %}"""  # noqa: E501


@pytest.fixture
def talks():
    """Agenda issues assessed every way the rows show: at an earlier round, between rounds,
    published at this round, as a draft at this round, and never."""
    process = ProcessFactory()
    earlier = RoundFactory(process=process, city=ODD, start_date=datetime.date(2026, 2, 4), end_date=None)
    geneva = RoundFactory(process=process, city="Geneva", start_date=datetime.date(2026, 2, 17), end_date=None)
    issues = [IssueFactory(process=process, name=name, sort_order=n) for n, name in enumerate([ODD, "B", "C", "D"])]
    IssueStatusFactory(issue=issues[0], round=earlier, status="deadlocked", publish=True)
    IssueStatusFactory(issue=issues[1], round=None, date=datetime.date(2026, 2, 10), status="progress", publish=True)
    IssueStatusFactory(issue=issues[2], round=geneva, status="agreed", publish=True)
    IssueStatusFactory(issue=issues[2], round=geneva, status="implemented")  # a draft
    IssueStatusFactory(issue=issues[1], round=geneva, status="stalled")
    return geneva


def drawn_both_ways(sheet, talk_round):
    context = {"sheet": sheet, "round": talk_round}
    by_template = engines["django"].from_string(AS_THE_TEMPLATE_DREW_THEM).render(context)
    by_tag = engines["django"].from_string("{% load entry %}{% status_rows sheet round %}").render(context)
    return by_template, by_tag


def test_the_rows_as_they_open_are_what_the_template_drew(talks):
    by_template, by_tag = drawn_both_ways(Sheet(Offer.load(talks, None)), talks)

    assert by_tag == by_template
    for shown in ("never", "at this round (a new status here corrects it)", "draft waiting for review", "10 Feb 2026"):
        assert shown in by_tag, shown
    assert "&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;" in by_tag and ODD not in by_tag


def test_refused_rows_and_an_unknown_issue_are_what_the_template_drew(talks):
    offer = Offer.load(talks, None)
    rows = Sheet(offer).formsets["statuses"].forms
    data = QueryDict(mutable=True)
    data.update({"statuses-TOTAL_FORMS": str(len(rows)), "statuses-INITIAL_FORMS": "0"})
    for number, form in enumerate(rows):
        data.update({f"statuses-{number}-issue": form["issue"].value(), f"statuses-{number}-seen": "stale"})
    data.update({"statuses-0-status": "progress", "statuses-1-summary": ODD, "statuses-3-issue": "0"})
    sheet = Sheet(offer, data)
    sheet.is_valid()

    by_template, by_tag = drawn_both_ways(sheet, talks)

    assert by_tag == by_template
    assert "has-errors" in by_tag and "An unknown issue" in by_tag
