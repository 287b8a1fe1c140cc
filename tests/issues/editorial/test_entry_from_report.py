"""The entry page's "From a report": a pasted report opens the form with the statements it
proposes, each unticked until the editor ticks it; only the rows ticked are saved, as
drafts citing the report, all or nothing; words on record are never saved twice.

The rows are compared with what issues.proposals proposes for the same report, so that
these tests hold the page's part (the rows, the ticks, the saving) while the reading of
reports is tuned."""

import datetime

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from issues.editorial.entry.sheet import MOST_ROWS
from issues.models import PublicationState, Statement
from issues.proposals.propose import MOST_CHARACTERS, propose
from issues.proposals.report import Report
from issues.proposals.speakers import Sureness
from rounds.models import Source
from tests.factories import IssueFactory, RoundFactory, SourceFactory, StatementFactory
from tests.issues.editorial import test_entry
from tests.issues.editorial.test_entry import counts, entry_url, page_text

# The entry page's scene (the Geneva round, Umerov and Medinsky in its delegations, three
# agenda issues, a Reuters source on record) and its signed-in editor.
scene, as_editor = test_entry.scene, test_entry.as_editor

pytestmark = pytest.mark.django_db

URL = "https://example.org/wire/geneva-talks-end"
UMEROV = "We agreed on almost all the questions of a ceasefire monitoring mechanism"
MEDINSKY = "The territorial question was not resolved and we will not discuss it under pressure"
OFFICIAL = "Both sides want another prisoner exchange soon"
REPORT = f"""Skip to main content
World
Talks in Geneva end with progress on monitoring, none on territory
By Anna Reporter
February 18, 2026
GENEVA, Feb 18 (Wire) - Ukrainian and Russian negotiators ended two days of U.S.-brokered talks in \
Geneva on Wednesday with progress on how a ceasefire would be monitored but none on territory.
"{UMEROV}," Rustem Umerov told reporters after the talks.
"{MEDINSKY}," Medinsky said at a news conference.
Swiss Foreign Minister Ignazio Cassis said on Tuesday that Switzerland was ready to host further rounds.
"{OFFICIAL}," a senior Ukrainian official said, speaking on condition of anonymity.
Reporting by Anna Reporter; Editing by Bob Editor
"""


def proposing(client, scene, text=REPORT, session=None, **fields):
    """The entry page after "Propose statements" with this report."""
    data = {"propose": "statements", "report-text": text, **{f"report-{name}": value for name, value in fields.items()}}
    return client.post(entry_url(scene.geneva, session), data)


def expected(scene, text=REPORT, url=URL):
    """What issues.proposals proposes for the report: the rows the page must show."""
    return propose(scene.geneva, Report(text=text, url=url)).statements


def statement_rows(response):
    return response.context["sheet"].formsets["statements"].forms


def row_of(response, words):
    """The statement row whose text is `words`, and its index."""
    for index, form in enumerate(statement_rows(response)):
        if form["text"].value() == words:
            return index, form
    raise AssertionError(f"no row says {words!r}")


def as_posted(response, *, take=(), changes=None):
    """What the browser posts from the entry form of `response`: every field as it stands,
    the rows at the indexes in `take` ticked, `changes` ({index: {field: value}}) typed
    over it. A box not ticked, or disabled, is not posted, as a browser does not post it."""
    data = {}
    for formset in response.context["sheet"].formsets.values():
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for index, form in enumerate(formset.forms):
            values = {name: form[name].value() for name in form.fields}
            if "take" in values:
                values["take"] = index in take
            values.update((changes or {}).get(index, {}) if formset.prefix == "statements" else {})
            for name, value in values.items():
                widget = form.fields[name].widget
                key = form.add_prefix(name)
                if isinstance(widget, forms.CheckboxInput):
                    if value and not widget.attrs.get("disabled"):
                        data[key] = "on"
                elif isinstance(value, list | tuple) or getattr(widget, "allow_multiple_selected", False):
                    data[key] = [str(item) for item in value or []]
                elif isinstance(value, datetime.date):
                    data[key] = value.isoformat()
                else:
                    data[key] = "" if value is None else str(value)  # a browser posts every field
    return data


# --- who may use it ----------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(client, scene):
    response = proposing(client, scene)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=/entry/")


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_readers_outside_the_editorial_groups_are_refused(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))
    before = counts()

    assert proposing(client, scene).status_code == 403
    assert counts() == before


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_have_it_on_the_entry_page(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))

    markup = client.get(entry_url(scene.geneva)).content.decode()

    assert "From a report" in markup
    assert f'<textarea name="report-text" cols="40" rows="10" maxlength="{MOST_CHARACTERS}" required' in markup
    assert 'name="propose"' in markup
    # The rows typed by hand have no box to tick.
    assert "-take" not in markup


# --- what it proposes --------------------------------------------------------------------------


def test_the_report_opens_the_form_with_its_statements_prefilled_and_unticked(as_editor, scene):
    before = counts()

    response = proposing(as_editor, scene, url=URL)

    assert response.status_code == 200
    assert counts() == before, "proposing saves nothing"
    proposals = expected(scene)
    rows = statement_rows(response)
    assert [form["text"].value() for form in rows[: len(proposals)]] == [p.words for p in proposals]
    assert len(rows) == len(proposals) + 1  # and a blank row for a statement typed by hand
    assert {UMEROV, MEDINSKY, OFFICIAL} <= {p.words for p in proposals}
    for form, proposal in zip(rows, proposals, strict=False):
        assert form.is_proposal and form.sureness == proposal.sureness
        assert form["take"].value() is False
        assert form["date"].value() == proposal.date.isoformat()
        assert form["date_precision"].value() == proposal.precision
        assert form["medium"].value() == proposal.medium
        assert form["statement_kind"].value() == proposal.kind
        assert form["language"].value() == proposal.language
        assert form["text_is_translation"].value() == proposal.translated
        assert form["issues"].value() == [str(issue.pk) for issue in proposal.issues]
        assert form["sources"].value() == ["1"]
    assert not rows[-1].is_proposal
    # The least sure first, as proposed, each saying how sure it is.
    assert [form.sureness for form in rows[: len(proposals)]] == sorted(p.sureness for p in proposals)
    markup = response.content.decode()
    for proposal in proposals:
        assert f"speaker {proposal.sureness.label}" in markup
    assert 'name="statements-0-take" id="id_statements-0-take">' in markup  # not checked
    assert "checked" not in markup.split('name="statements-0-take"')[1].split(">")[0]
    text = page_text(response)
    summary = "the least sure first (1 whose speaker is only suggested, or not on record)."
    assert f"The report proposes {len(proposals)} statements, {summary}" in text


def test_speakers_go_where_the_row_takes_them(as_editor, scene):
    response = proposing(as_editor, scene, url=URL)

    _, umerov = row_of(response, UMEROV)
    assert umerov["speaker"].value() == "Rustem Umerov"
    assert umerov["party"].value() == str(scene.ukraine.pk)
    assert umerov["speaker_title"].value() == "Secretary of the NSDC"
    assert umerov.sureness == Sureness.EXACT
    assert "speaker found exactly" in page_text(response)

    # Unnamed: in the "or, when not named" field, the speaker field blank.
    _, official = row_of(response, OFFICIAL)
    assert official["speaker"].value() == ""
    assert official["speaker_description"].value() == "a senior Ukrainian official"
    assert official["party"].value() == str(scene.ukraine.pk)


def test_a_named_speaker_not_on_record_is_a_new_person_to_add_first(as_editor, scene):
    new = next(p for p in expected(scene) if p.sureness == Sureness.NEW)

    response = proposing(as_editor, scene, url=URL)

    index, row = row_of(response, new.words)
    assert row["speaker"].value() == new.speaker.new_name
    assert "Ignazio Cassis" in new.speaker.new_name
    assert row.new_person_url.startswith("/admin/delegations/person/add/?name=")
    text = page_text(response)
    assert "New person: add them first." in text
    assert f"“{new.speaker.new_name}” is not on record" in text

    # Ticked while the person is not on record, the row is refused as the page refuses any
    # unknown speaker, and nothing is saved.
    before = counts()
    refused = as_editor.post(entry_url(scene.geneva), as_posted(response, take=[index]))
    assert refused.status_code == 400
    assert counts() == before
    assert "is on record" in " ".join(refused.context["sheet"].formsets["statements"].forms[index].errors["speaker"])


def test_the_report_is_source_1_as_the_editor_gave_it_or_as_the_text_says_it(as_editor, scene):
    response = proposing(as_editor, scene, url=URL, title="Geneva talks end")

    source = response.context["sheet"].formsets["sources"].forms[0]
    assert source["existing"].value() == ""
    assert source["outlet"].value() == "Wire"  # from the dateline
    assert source["title"].value() == "Geneva talks end"  # as the editor gave it
    assert source["url"].value() == URL
    assert source["published_on"].value() == "2026-02-18"  # from the text
    assert "1: Wire — Geneva talks end" in page_text(response)


# --- saving ------------------------------------------------------------------------------------


def test_the_two_rows_ticked_are_saved_as_drafts_citing_the_report_and_no_other(as_editor, scene, editor):
    response = proposing(as_editor, scene, url=URL)
    first, _ = row_of(response, UMEROV)
    second, _ = row_of(response, OFFICIAL)
    before = counts()

    saved = as_editor.post(entry_url(scene.geneva), as_posted(response, take=[first, second]))

    assert saved.status_code == 302
    assert Statement.objects.count() == before["Statement"] + 2
    assert Source.objects.count() == before["Source"] + 1
    report = Source.objects.get(url=URL)
    assert (report.outlet, report.published_on) == ("Wire", datetime.date(2026, 2, 18))
    umerov, official = Statement.objects.get(text=UMEROV), Statement.objects.get(text=OFFICIAL)
    for statement in (umerov, official):
        assert statement.state == PublicationState.DRAFT
        assert statement.history.get().history_user == editor
        assert list(statement.sources.all()) == [report]
        assert statement.round == scene.geneva
    assert umerov.speaker == scene.umerov and umerov.party == scene.ukraine
    assert official.speaker is None and official.speaker_description == "a senior Ukrainian official"
    assert not Statement.objects.filter(text=MEDINSKY).exists()


def test_a_row_mended_before_it_is_ticked_is_saved_as_mended(as_editor, scene):
    response = proposing(as_editor, scene, url=URL)
    index, _ = row_of(response, MEDINSKY)
    mended = {index: {"date": "2026-02-17", "text": MEDINSKY + "."}}

    assert as_editor.post(entry_url(scene.geneva), as_posted(response, take=[index], changes=mended)).status_code == 302

    statement = Statement.objects.get()
    assert (statement.text, statement.date) == (MEDINSKY + ".", datetime.date(2026, 2, 17))
    assert statement.speaker == scene.medinsky


def test_nothing_ticked_saves_no_statement(as_editor, scene):
    response = proposing(as_editor, scene, url=URL)

    saved = as_editor.post(entry_url(scene.geneva), as_posted(response), follow=True)

    assert not Statement.objects.exists()
    assert "Nothing was entered" in page_text(saved)


def test_a_report_whose_url_is_on_record_is_that_source(as_editor, scene):
    response = proposing(as_editor, scene, url=scene.source.url)

    assert response.context["sheet"].formsets["sources"].forms[0]["existing"].value() == str(scene.source.pk)
    index, _ = row_of(response, UMEROV)
    before = Source.objects.count()
    assert as_editor.post(entry_url(scene.geneva), as_posted(response, take=[index])).status_code == 302

    assert Source.objects.count() == before
    assert list(Statement.objects.get().sources.all()) == [scene.source]


def test_a_report_on_record_that_the_form_does_not_offer_is_still_that_source(as_editor, scene):
    """The form offers the round's sources and the newest: an older source with the
    report's URL is described by its URL, which the source row takes as that source."""
    old = SourceFactory(outlet="Wire", title="Older", url=URL, published_on=datetime.date(2026, 2, 18))
    for n in range(31):
        SourceFactory(outlet=f"Newer {n}")
    response = proposing(as_editor, scene, url=URL)

    row = response.context["sheet"].formsets["sources"].forms[0]
    assert (row["existing"].value(), row["url"].value(), row["title"].value()) == ("", URL, "Older")
    index, _ = row_of(response, UMEROV)
    before = Source.objects.count()
    assert as_editor.post(entry_url(scene.geneva), as_posted(response, take=[index])).status_code == 302

    assert Source.objects.count() == before
    assert list(Statement.objects.get().sources.all()) == [old]


def test_words_on_record_are_marked_linked_unticked_and_never_saved_twice(as_editor, scene, reviewer):
    # The same words, recorded at another round, by another speaker.
    other = RoundFactory(process=scene.process, start_date=datetime.date(2026, 1, 10), end_date=None)
    recorded = StatementFactory(
        process=scene.process, round=other, date=other.start_date, text=UMEROV, by=reviewer, publish=True
    )

    response = proposing(as_editor, scene, url=URL)

    index, row = row_of(response, UMEROV)
    assert row.on_record_key == str(recorded.uuid)
    assert index == len(statement_rows(response)) - 2, "listed last: there is nothing to check"
    markup = response.content.decode()
    assert f'href="/records/issues.statement/{recorded.uuid}/history/"' in markup
    assert f'name="statements-{index}-take" disabled id="id_statements-{index}-take">' in markup
    assert "On record These words are recorded already: the statement on record" in page_text(response)

    # A form that ticks it anyway is refused, nothing saved; so is one that also drops the
    # mark, by the words themselves.
    crafted = as_posted(response, take=[index])
    crafted[f"statements-{index}-take"] = "on"
    for data in (crafted, {**crafted, f"statements-{index}-on_record": ""}):
        before = counts()
        refused = as_editor.post(entry_url(scene.geneva), data)
        assert refused.status_code == 400
        assert counts() == before
        assert "on record already" in " ".join(statement_rows(refused)[index].errors["take"])
    assert Statement.objects.filter(text=UMEROV).count() == 1


def test_the_same_form_sent_twice_saves_its_statements_once(as_editor, scene):
    response = proposing(as_editor, scene, url=URL)
    index, _ = row_of(response, MEDINSKY)
    data = as_posted(response, take=[index])

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302
    again = as_editor.post(entry_url(scene.geneva), data)

    assert again.status_code == 400
    assert Statement.objects.filter(text=MEDINSKY).count() == 1
    # And the report pasted again says its words are on record, as a draft.
    _, row = row_of(proposing(as_editor, scene, url=URL), MEDINSKY)
    assert row.on_record_key == str(Statement.objects.get(text=MEDINSKY).uuid)
    assert row.read.on_record_draft


def test_a_date_far_from_the_round_shows_its_warning_and_asks_for_confirmation(as_editor, scene):
    response = proposing(as_editor, scene, url=URL, published_on="2026-04-20")

    index, row = row_of(response, UMEROV)
    assert row["date"].value() == "2026-04-20"
    assert row.date_warning and "more than 30 days from the round" in row.date_warning
    markup = response.content.decode()
    assert f'name="statements-{index}-confirm_date"' in markup
    assert "more than 30 days from the round" in page_text(response)

    before = counts()
    assert as_editor.post(entry_url(scene.geneva), as_posted(response, take=[index])).status_code == 400
    assert counts() == before
    confirmed = as_posted(response, take=[index], changes={index: {"confirm_date": True}})
    assert as_editor.post(entry_url(scene.geneva), confirmed).status_code == 302
    assert Statement.objects.get().date == datetime.date(2026, 4, 20)


def test_another_row_keeps_the_proposals_their_marks_and_ticks(as_editor, scene):
    response = proposing(as_editor, scene, url=URL)
    index, _ = row_of(response, UMEROV)
    data = {**as_posted(response, take=[index]), "more": "statements"}

    again = as_editor.post(entry_url(scene.geneva), data)

    assert again.status_code == 200
    assert not Statement.objects.exists()
    _, row = row_of(again, UMEROV)
    assert row.is_proposal and row.taken and row.sureness == Sureness.EXACT
    assert len(statement_rows(again)) == len(statement_rows(response)) + 1
    assert as_editor.post(entry_url(scene.geneva), as_posted(again, take=[index])).status_code == 302
    assert Statement.objects.get().text == UMEROV


def test_a_sessions_entry_page_proposes_for_that_session(as_editor, scene):
    response = proposing(as_editor, scene, session=scene.session, url=URL)

    assert response.context["action"] == entry_url(scene.geneva, scene.session)
    index, _ = row_of(response, UMEROV)
    saved = as_editor.post(entry_url(scene.geneva, scene.session), as_posted(response, take=[index]))

    assert saved.status_code == 302
    assert Statement.objects.get().session == scene.session


def test_a_report_proposing_more_than_the_form_takes_shows_the_first_it_takes(as_editor, scene):
    many = "\n".join(f'"We want talks number {n} to go further," Umerov said.' for n in range(MOST_ROWS + 5))

    response = proposing(as_editor, scene, text=many)

    rows = statement_rows(response)
    assert len(rows) == MOST_ROWS and all(form.is_proposal for form in rows)
    assert f"The report proposes {MOST_ROWS + 5} statements" in page_text(response)
    assert f"(the form takes {MOST_ROWS}: the first {MOST_ROWS} are below)" in page_text(response)


def test_sixty_proposals_all_ticked_are_saved_whatever_the_number_of_fields(as_editor, scene):
    for n in range(15):  # a busy process, a status row each
        IssueFactory(process=scene.process, name=f"Another issue {n}")
    many = "\n".join(f'"We want talks number {n} to go further," Umerov said.' for n in range(MOST_ROWS))
    response = proposing(as_editor, scene, text=many)
    data = as_posted(response, take=range(MOST_ROWS))
    assert sum(len(value) if isinstance(value, list) else 1 for value in data.values()) > 1_000  # Django's default

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302
    assert Statement.objects.count() == MOST_ROWS


# --- refusals and costs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "This field is required."),
        (" \n\t ", "This field is required."),
        ("x" * (MOST_CHARACTERS + 1), f"at most {MOST_CHARACTERS} characters"),
    ],
)
def test_an_empty_or_too_long_report_is_refused_and_nothing_proposed(text, message, as_editor, scene):
    before = counts()

    response = proposing(as_editor, scene, text=text)

    assert response.status_code == 400
    assert counts() == before
    assert message in " ".join(response.context["report_form"].errors["text"])
    assert "Nothing was proposed" in page_text(response)
    assert not any(form.is_proposal for form in statement_rows(response))


def test_a_report_of_the_longest_length_is_read(as_editor, scene):
    text = (REPORT + "\n") * (MOST_CHARACTERS // (len(REPORT) + 1))
    assert len(text) <= MOST_CHARACTERS

    assert proposing(as_editor, scene, text=text).status_code == 200


def test_a_nul_in_the_report_is_refused_as_everywhere(as_editor, scene):
    before = counts()

    response = proposing(as_editor, scene, text=REPORT + "\x00")

    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert counts() == before


def test_a_report_with_nothing_said_opens_the_form_saying_so(as_editor, scene):
    response = proposing(as_editor, scene, text="The talks ended on Wednesday in Geneva after two days.")

    assert response.status_code == 200
    assert "The report proposes no statement." in page_text(response)
    assert not any(form.is_proposal for form in statement_rows(response))


def queries_to_propose(client, scene, text):
    with CaptureQueriesContext(connection) as captured:
        assert proposing(client, scene, text=text, url=URL).status_code == 200
    return len(captured)


def test_proposing_reads_the_same_number_of_queries_however_long_the_report(as_editor, scene):
    background = "Diplomats in Geneva expect the talks to resume soon, without a date set."
    longer = REPORT + "\n".join(f"{background} Round {n}." for n in range(20 * REPORT.count("\n")))
    assert len(longer) >= 20 * len(REPORT)

    # 12 for the page as it opens (test_entry pins them), and 10 to read the report
    # against the record: the round's members, the parties, the people's names, the
    # parties' delegates' names (their languages), the agenda issues and the words of their
    # statements, statuses and positions, the words on record, the source with the
    # report's URL.
    assert queries_to_propose(as_editor, scene, REPORT) == queries_to_propose(as_editor, scene, longer) == 22


def test_proposing_reads_the_same_number_of_queries_however_many_statements(as_editor, scene):
    more = "\n".join(f'"We want talks number {n} to go further," a senior Russian official said.' for n in range(20))

    assert queries_to_propose(as_editor, scene, REPORT) == queries_to_propose(as_editor, scene, REPORT + more)
