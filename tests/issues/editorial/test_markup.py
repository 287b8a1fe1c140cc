"""The editors' form fields drawn in Python (issues.editorial.markup) draw what Django's own
templates draw, byte for byte: every kind of field the entry and set-up pages use, typed,
refused or left as it opened, and every field of those pages' rows."""

import copy
import datetime
from types import SimpleNamespace

import pytest
from django import forms
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorList
from django.http import QueryDict

from issues.editorial.entry.offer import Offer
from issues.editorial.entry.sheet import Sheet
from issues.editorial.markup import DrawnForm, DrawnFormSet, ErrorsIfAny, FieldMarkup, SharedChoices, datalist_options
from issues.editorial.setup.offer import SetupOffer
from issues.editorial.setup.sheet import SetupSheet
from tests.factories import (
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
)

ODD = "<b>&\"'</b>"  # what must be escaped wherever it is drawn
GROUPED = [("", "—"), ("Near", [("1", "Russia"), ("2", ODD)]), ("Far", [("3", "Oman")])]


class Everything(DrawnForm):
    """A field of every kind the editors' forms draw, and a few that Django draws for them."""

    name = forms.CharField(max_length=20, help_text="as <em>reported</em>", widget=forms.TextInput({"list": "x"}))
    text = forms.CharField(required=False, widget=forms.Textarea({"rows": 2}), max_length=500)
    count = forms.IntegerField(min_value=0, max_value=999, required=False, label="How many?")
    day = forms.DateField(widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d"), required=False)
    time = forms.TimeField(widget=forms.TimeInput({"type": "time"}, format="%H:%M"), required=False)
    link = forms.URLField(required=False, assume_scheme="https")
    sure = forms.BooleanField(required=False, label=ODD)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    locked = forms.CharField(disabled=True, required=False, initial=ODD)
    party = forms.ChoiceField(choices=GROUPED, required=False, help_text="their side")
    needed = forms.ChoiceField(choices=[("", "—"), ("a", "A")])
    shared = forms.ChoiceField(required=False)
    boxes = forms.MultipleChoiceField(
        choices=[("1", "one"), ("2", ODD), (3, "three")], widget=forms.CheckboxSelectMultiple({"data-n": "x"})
    )
    shared_boxes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, help_text="any")
    # Drawn by Django: widgets this module does not know.
    several = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two")], required=False)
    radio = forms.ChoiceField(choices=[("1", "one"), ("2", "two")], widget=forms.RadioSelect, required=False)
    grouped_boxes = forms.MultipleChoiceField(choices=GROUPED[1:], widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared"].choices = SharedChoices([("", "—"), *GROUPED[1:]])
        self.fields["shared_boxes"].choices = SharedChoices([("7", ODD), ("8", "eight")])


class Marked(Everything):
    required_css_class = "required"
    error_css_class = "error"


TYPED = {
    "name": ODD,
    "text": f"{ODD}\nline two",
    "count": "12",
    "day": "2026-02-17",
    "time": "09:30",
    "link": "example.org/a?b=1&c=2",
    "sure": "on",
    "hidden": ODD,
    "party": "2",
    "needed": "a",
    "shared": "3",
    "boxes": ["2", "3"],
    "shared_boxes": ["7"],
    "several": ["1", "2"],
    "radio": "2",
}
REFUSED = {**TYPED, "name": "x" * 30, "count": "-4", "day": "17 Feb", "link": "not a url", "needed": "", "boxes": []}
OPENED = {"name": "Umerov", "day": datetime.date(2026, 2, 17), "boxes": ["1"], "party": "1", "sure": True}


def querydict(values):
    data = QueryDict(mutable=True)
    for name, value in values.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def assert_drawn_as_django_draws(form):
    for name, field in form.fields.items():
        drawn, django = form[name], BoundField(form, field, name)
        assert isinstance(drawn, FieldMarkup)
        assert drawn.as_field_group() == django.as_field_group(), name
        assert str(drawn) == str(django), name
        assert drawn.label_tag() == django.label_tag(), name
        assert drawn.legend_tag() == django.legend_tag(), name
        assert drawn.label_tag(label_suffix=":", attrs={"class": "x"}) == django.label_tag(
            label_suffix=":", attrs={"class": "x"}
        ), name
    assert str(form.non_field_errors()) == str(ErrorList(form.non_field_errors(), error_class="nonfield"))


@pytest.mark.parametrize("form_class", [Everything, Marked])
@pytest.mark.parametrize(
    "make",
    [
        lambda form_class: form_class(),
        lambda form_class: form_class(initial=OPENED),
        lambda form_class: form_class(querydict(TYPED)),
        lambda form_class: form_class(querydict(REFUSED)),
        lambda form_class: form_class(querydict(TYPED), auto_id=False),
        lambda form_class: form_class(querydict(REFUSED), prefix="rows-3", label_suffix=":"),
    ],
    ids=["blank", "opened", "typed", "refused", "without-ids", "prefixed"],
)
def test_every_kind_of_field_is_drawn_as_django_draws_it(form_class, make):
    form = make(form_class)
    form.is_valid()

    assert_drawn_as_django_draws(form)


def test_a_refused_form_draws_its_errors():
    form = Everything(querydict(REFUSED))
    form.add_error(None, "The rows disagree.")

    assert not form.is_valid()
    assert 'class="errorlist"' in form["name"].as_field_group()
    assert "The rows disagree." in str(form.non_field_errors())
    assert_drawn_as_django_draws(form)


def test_an_empty_error_list_draws_nothing_and_a_full_one_what_django_draws():
    assert str(ErrorsIfAny()) == str(ErrorList()) == ""
    assert str(ErrorsIfAny(["A <b> problem"], field_id="id_x")) == str(ErrorList(["A <b> problem"], field_id="id_x"))


def test_the_rows_share_one_choice_list_and_django_still_checks_against_it():
    shared = SharedChoices([("1", "one"), ("2", "two")])
    rows = [Everything(querydict({**TYPED, "shared": "9"})) for _ in range(3)]
    for form in rows:
        form.fields["shared"].choices = shared

    assert {id(form.fields["shared"].widget.choices) for form in rows} == {id(shared)}
    assert all("shared" in form.errors for form in rows)


@pytest.mark.parametrize(
    "data",
    [None, {"rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "0"}, {"rows-TOTAL_FORMS": "x"}],
    ids=["opened", "posted", "tampered"],
)
def test_a_formset_counts_its_rows_as_django_draws_them(data):
    bound = querydict(data) if data is not None else None
    drawn = forms.formset_factory(Everything, formset=DrawnFormSet)(bound, prefix="rows").management_form
    django = forms.formset_factory(Everything)(bound, prefix="rows").management_form

    assert str(drawn) == str(django)
    assert 'name="rows-TOTAL_FORMS"' in str(drawn)


def test_a_datalist_is_drawn_once_with_every_value_escaped():
    options = [(ODD, {"data-party": 3, "data-title": ODD}, ODD), ("Umerov", {}, "")]

    assert datalist_options(options, before="\n  ") == (
        '\n  <option value="&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;" data-party="3" '
        'data-title="&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;">&lt;b&gt;&amp;&quot;&#x27;&lt;/b&gt;</option>'
        '\n  <option value="Umerov"></option>'
    )
    assert datalist_options(options[1:], closed=False) == '<option value="Umerov">'


def test_a_shared_choice_list_is_shared_by_the_copies_of_a_form():
    shared = SharedChoices([("1", "one")])
    field = forms.ChoiceField(choices=shared)

    assert copy.deepcopy(field).choices is shared and copy.deepcopy(field).widget.choices is shared


# --- the pages' own rows ------------------------------------------------------------------


@pytest.fixture
def scene(db):
    process = ProcessFactory(slug="talks")
    earlier = RoundFactory(process=process, city="Abu Dhabi", start_date=datetime.date(2026, 2, 4), end_date=None)
    geneva = RoundFactory(process=process, city="Geneva", start_date=datetime.date(2026, 2, 17), end_date=None)
    session = SessionFactory(round=geneva, date=geneva.start_date)
    ukraine, russia = PartyFactory(name="Ukraine"), PartyFactory(name=ODD)
    umerov = PersonFactory(name="Rustem Umerov", aliases="Umerov")
    MembershipFactory(delegation=DelegationFactory(round=geneva, party=ukraine), person=umerov, title=ODD)
    DelegationFactory(round=geneva, party=russia)
    territory = IssueFactory(process=process, name=ODD)
    IssueFactory(process=process, name="Ceasefire")
    IssueStatusFactory(issue=territory, round=earlier, status="deadlocked", publish=True)
    source = SourceFactory(outlet=ODD, url="https://example.org/a")
    return SimpleNamespace(**locals())


def every_row(sheet):
    parts = [getattr(sheet, "round_part", None)]
    for formset in sheet.formsets.values():
        parts += [*formset.forms, formset.empty_form]
    return [part for part in parts if part is not None]


def test_the_entry_rows_are_drawn_as_django_draws_them(scene):
    offer = Offer.load(scene.geneva, None)
    opened = Sheet(offer)
    data = {"sources-TOTAL_FORMS": "2", "sources-INITIAL_FORMS": "0", "statuses-INITIAL_FORMS": "0"}
    for prefix in ("statements", "positions", "agreements"):
        data |= {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "sources-0-existing": str(scene.source.pk),
        "sources-1-outlet": ODD,
        "sources-1-url": "not a url",
        "statements-0-speaker": "Umerv",
        "statements-0-party": str(scene.russia.pk),
        "statements-0-date": "2099-01-01",
        "statements-0-text": ODD,
        "statements-0-issues": [str(scene.territory.pk)],
        "statements-0-sources": ["1", "2"],
        "positions-0-stance": ODD,
        "agreements-0-figures": "not a figure",
    }
    statuses = opened.formsets["statuses"].forms
    data["statuses-TOTAL_FORMS"] = str(len(statuses))
    for number, form in enumerate(statuses):
        data |= {f"statuses-{number}-issue": form["issue"].value(), f"statuses-{number}-seen": "stale"}
    data["statuses-0-status"] = "progress"
    posted = Sheet(offer, querydict(data))

    assert not posted.is_valid()
    for form in every_row(opened) + every_row(posted):
        assert_drawn_as_django_draws(form)


def test_the_set_up_rows_are_drawn_as_django_draws_them(scene):
    offer = SetupOffer.load(scene.geneva)
    opened = SetupSheet(offer)
    data = {
        "round-process": str(scene.process.pk),
        "round-start_date": "17 Feb",
        "round-status": "concluded",
        "round-format": "bilateral",
        "round-city": ODD,
    }
    for prefix, rows in (("sessions", 1), ("delegations", 2), ("members", 2)):
        data |= {f"{prefix}-TOTAL_FORMS": str(rows), f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "sessions-0-date": "2026-02-17",
        "sessions-0-start_time": "25:00",
        "delegations-0-party": str(scene.ukraine.pk),
        "delegations-0-roles": ["mediator", "host"],
        "delegations-1-new_party": ODD,
        "members-0-delegation": "1",
        "members-0-person": "Umerov",
        "members-0-role": "head",
        "members-0-sessions": ["1"],
        "members-1-delegation": "3",
        "members-1-person": ODD,
    }
    posted = SetupSheet(offer, querydict(data))

    assert not posted.is_valid()
    for form in every_row(opened) + every_row(posted):
        assert_drawn_as_django_draws(form)
