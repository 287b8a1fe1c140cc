"""The after-session entry page: who may use it, what it offers, and how it saves several
statements, statuses, positions and agreements as drafts, all of them or none."""

import datetime
import html
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from issues.models import Agreement, IssueStatus, Position, PublicationState, Statement
from issues.services import draft_publish
from negotrack.models import Change
from rounds.models import Source
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
    StatementFactory,
)

pytestmark = pytest.mark.django_db

FEB_17, FEB_18 = datetime.date(2026, 2, 17), datetime.date(2026, 2, 18)


@pytest.fixture
def scene():
    """A round in Geneva with two delegations, three agenda issues, one of them assessed at
    the round before, and a source already on record."""
    process = ProcessFactory(slug="talks")
    earlier = RoundFactory(process=process, city="Abu Dhabi", start_date=datetime.date(2026, 2, 4), end_date=None)
    geneva = RoundFactory(process=process, city="Geneva", start_date=FEB_17, end_date=FEB_18)
    session = SessionFactory(round=geneva, date=FEB_17)
    ukraine, russia = PartyFactory(name="Ukraine", slug="ukraine"), PartyFactory(name="Russia", slug="russia")
    umerov = PersonFactory(name="Rustem Umerov", slug="rustem-umerov", aliases="Umerov\nУмєров")
    medinsky = PersonFactory(name="Vladimir Medinsky", slug="vladimir-medinsky")
    MembershipFactory(
        delegation=DelegationFactory(round=geneva, party=ukraine), person=umerov, title="Secretary of the NSDC"
    )
    MembershipFactory(
        delegation=DelegationFactory(round=geneva, party=russia), person=medinsky, title="presidential aide"
    )
    territory = IssueFactory(process=process, name="Territory", sort_order=1)
    ceasefire = IssueFactory(process=process, name="Ceasefire monitoring", sort_order=2)
    prisoners = IssueFactory(process=process, name="Prisoner exchange", sort_order=3)
    IssueStatusFactory(issue=territory, round=earlier, status="deadlocked", publish=True)
    source = SourceFactory(outlet="Reuters", url="https://example.org/reuters-geneva")
    return SimpleNamespace(**locals())


def entry_url(talk_round, session=None):
    return f"/entry/{talk_round.slug}/" + (f"?session={session.uuid}" if session else "")


STATEMENT_DEFAULTS = {
    "date": "2026-02-18",
    "date_precision": "day",
    "medium": "press_remarks",
    "statement_kind": "quote",
    "language": "en",
}


def form_data(response, *, sources=(), statements=(), statuses=None, positions=(), agreements=(), blank_rows=1):
    """What the browser would post from the page in `response`, with these rows filled in
    (each a dict of field values) and `blank_rows` more left as they opened; every row
    cites source 1, as the form opens, unless it says otherwise."""
    sheet = response.context["sheet"]
    data = {}

    def rows(prefix, filled, defaults):
        filled = list(filled) + [{}] * blank_rows
        data.update({f"{prefix}-TOTAL_FORMS": len(filled), f"{prefix}-INITIAL_FORMS": 0})
        for index, row in enumerate(filled):
            for name, value in {**defaults, **row}.items():
                data[f"{prefix}-{index}-{name}"] = value

    rows("sources", sources, {})
    cites = {"sources": ["1"]}
    rows("statements", statements, {**STATEMENT_DEFAULTS, **cites, "date": sheet.offer.default_date().isoformat()})
    rows("positions", positions, cites)
    rows("agreements", agreements, cites)
    lines = list(sheet.status_lines())
    data.update({"statuses-TOTAL_FORMS": len(lines), "statuses-INITIAL_FORMS": len(lines)})
    for index, (form, issue, _) in enumerate(lines):
        data[f"statuses-{index}-issue"] = issue.pk
        data[f"statuses-{index}-seen"] = form["seen"].value()
        data[f"statuses-{index}-sources"] = ["1"]
        for name, value in (statuses or {}).get(issue.pk, {}).items():
            data[f"statuses-{index}-{name}"] = value
    return {key: value for key, value in data.items() if value is not None}


def page_text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def row_errors(response, anchor):
    """The messages shown on one row of the form, by its anchor (statements-0 …)."""
    for found, _, form in response.context["sheet"].rows():
        if found == anchor:
            return " ".join(str(error) for errors in form.errors.values() for error in errors)
    raise AssertionError(f"no row {anchor}")


def counts():
    return {
        model.__name__: model.objects.count() for model in (Statement, IssueStatus, Position, Agreement, Source, Change)
    }


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


def opened(client, scene, session=None):
    response = client.get(entry_url(scene.geneva, session))
    assert response.status_code == 200
    return response


def said(text="We agreed on the parameters of a ceasefire monitoring mechanism.", **row):
    return {"speaker": "Rustem Umerov", "text": text, **row}


# --- who may use it ---------------------------------------------------------------------------


def test_anonymous_readers_are_sent_to_sign_in(client, scene):
    for response in (client.get(entry_url(scene.geneva)), client.post(entry_url(scene.geneva), {})):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/sign-in/?next=/entry/")
    assert client.get("/entry/").status_code == 302


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_readers_signed_in_outside_the_editorial_groups_are_refused(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))
    before = counts()

    assert client.get(entry_url(scene.geneva)).status_code == 403
    assert client.post(entry_url(scene.geneva), {"statements-0-text": "x"}).status_code == 403
    assert client.get("/entry/").status_code == 403
    assert counts() == before


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_open_it(persona, client, scene, request):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(entry_url(scene.geneva))

    assert response.status_code == 200
    assert "After-session entry" in page_text(response)
    assert client.get("/entry/").status_code == 200


@pytest.mark.parametrize(
    ("persona", "linked"),
    [
        (None, False),
        ("analyst", False),
        ("outsider", False),
        ("editor", True),
        ("reviewer", True),
        ("admin_user", True),
    ],
)
def test_the_round_page_links_to_the_entry_for_editors_only(persona, linked, client, scene, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    markup = client.get(f"/rounds/{scene.geneva.slug}/").content.decode()

    assert (f'href="/entry/{scene.geneva.slug}/"' in markup) is linked


def test_an_unknown_round_or_session_is_not_found(as_editor, scene):
    assert as_editor.get("/entry/nowhere-2026-01-01/").status_code == 404
    assert as_editor.get(entry_url(scene.geneva) + "?session=not-a-uuid").status_code == 404
    other = SessionFactory(round=scene.earlier, date=scene.earlier.start_date)
    assert as_editor.get(entry_url(scene.geneva, other)).status_code == 404


def test_the_index_reads_the_same_number_of_queries_however_many_rounds(as_editor, scene):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.get("/entry/").status_code == 200
        return len(captured)

    few = queries()
    RoundFactory.create_batch(5, start_date=None, end_date=None, status="scheduled")
    assert queries() == few == 4  # the session, the user, their groups, the rounds


def test_the_index_lists_rounds_newest_first_with_links(as_editor, scene):
    text = page_text(as_editor.get("/entry/"))

    assert text.index("Geneva") < text.index("Abu Dhabi")
    assert f'href="/entry/{scene.geneva.slug}/"' in as_editor.get("/entry/").content.decode()


# --- what it offers ---------------------------------------------------------------------------


def test_it_offers_the_delegations_people_by_name_and_alias_with_their_party_and_title(as_editor, scene):
    markup = opened(as_editor, scene).content.decode()

    assert (
        f'<option value="Rustem Umerov" data-party="{scene.ukraine.pk}" data-title="Secretary of the NSDC">' in markup
    )
    assert f'<option value="Umerov" data-party="{scene.ukraine.pk}"' in markup
    assert 'value="Умєров"' in markup
    assert f'<option value="Vladimir Medinsky" data-party="{scene.russia.pk}" data-title="presidential aide">' in markup


def test_each_issue_has_a_status_row_with_its_last_assessed_status(as_editor, scene):
    response = opened(as_editor, scene)
    lines = list(response.context["sheet"].status_lines())

    assert [issue.name for _, issue, _ in lines] == ["Territory", "Ceasefire monitoring", "Prisoner exchange"]
    assert [[status.status for status in beside] for _, _, beside in lines] == [["deadlocked"], [], []]
    text = page_text(response)
    assert "Last assessed: deadlocked at" in text and "Abu Dhabi" in text
    assert "Last assessed: never" in text


def test_a_draft_status_at_the_round_shows_beside_its_issue(as_editor, scene, editor):
    IssueStatusFactory(issue=scene.ceasefire, round=scene.geneva, status="progress", by=editor)

    text = page_text(opened(as_editor, scene))

    assert "progress at" in text and "(draft waiting for review)" in text


def test_statements_date_defaults_to_the_rounds_last_day_or_the_sessions_day(as_editor, scene):
    round_page = opened(as_editor, scene)
    session_page = opened(as_editor, scene, scene.session)

    assert 'name="statements-0-date" value="2026-02-18"' in round_page.content.decode()
    assert 'name="statements-0-date" value="2026-02-17"' in session_page.content.decode()
    assert "session of 17 February 2026" in page_text(session_page)


# --- saving -----------------------------------------------------------------------------------


def test_one_post_saves_statements_a_status_a_position_and_an_agreement_as_drafts(as_editor, scene, editor):
    response = opened(as_editor, scene, scene.session)
    data = form_data(
        response,
        sources=[{"existing": scene.source.pk}, {"outlet": "TASS", "url": "https://example.org/tass-1"}],
        statements=[
            said(issues=[scene.ceasefire.pk]),
            said("Геноцид", speaker="Умєров", language="uk", translation="Genocide"),
            {
                "speaker_description": "A senior Russian official",
                "party": scene.russia.pk,
                "text": "The territorial question remains the main obstacle.",
                "statement_kind": "paraphrase",
                "sources": ["2"],
                "issues": [scene.territory.pk],
            },
        ],
        statuses={scene.ceasefire.pk: {"status": "progress", "summary": "Parameters agreed."}},
        positions=[
            {
                "party": scene.russia.pk,
                "issue": scene.territory.pk,
                "stance": "demands all of Donbas",
                "sources": ["2"],
            }
        ],
        agreements=[
            {
                "title": "Prisoner exchange",
                "terms": "157 for 157.",
                "figures": "prisoners of war exchanged: 157",
                "parties": [scene.ukraine.pk, scene.russia.pk],
                "issues": [scene.prisoners.pk],
            }
        ],
    )

    saved = as_editor.post(entry_url(scene.geneva, scene.session), data)

    assert saved.status_code == 302
    assert saved["Location"] == entry_url(scene.geneva, scene.session)
    statements = list(Statement.objects.order_by("id"))
    assert [s.state for s in statements] == [PublicationState.DRAFT] * 3
    first, second, third = statements
    assert (first.speaker, first.party, first.speaker_title) == (scene.umerov, scene.ukraine, "Secretary of the NSDC")
    assert (first.round, first.session, first.date) == (scene.geneva, scene.session, FEB_17)
    assert list(first.issues.all()) == [scene.ceasefire] and list(first.sources.all()) == [scene.source]
    assert (second.speaker, second.language, second.translation) == (scene.umerov, "uk", "Genocide")
    assert (third.speaker, third.speaker_description, third.party) == (None, "A senior Russian official", scene.russia)
    assert third.kind == "paraphrase"
    status = IssueStatus.objects.get(round=scene.geneva)
    assert (status.issue, status.status, status.state, status.summary) == (
        scene.ceasefire,
        "progress",
        "draft",
        "Parameters agreed.",
    )
    position = Position.objects.get()
    assert (position.party, position.issue, position.stance) == (scene.russia, scene.territory, "demands all of Donbas")
    agreement = Agreement.objects.get()
    assert agreement.figures == [{"label": "prisoners of war exchanged", "value": 157}]
    assert set(agreement.parties.all()) == {scene.ukraine, scene.russia}
    assert list(agreement.issues.all()) == [scene.prisoners]
    tass = Source.objects.get(outlet="TASS")  # one source for the two rows that cite it
    assert list(third.sources.all()) == [tass] and list(position.sources.all()) == [tass]
    assert {record.history.earliest().history_user for record in [*statements, status, position, agreement]} == {editor}
    followed = as_editor.get(saved["Location"])
    assert "Saved as drafts for review: 3 statements, 1 issue status, 1 position, 1 agreement." in page_text(followed)


def test_a_new_source_with_a_url_on_record_cites_the_source_on_record(as_editor, scene):
    data = form_data(
        opened(as_editor, scene),
        sources=[{"outlet": "Reuters", "url": scene.source.url}, {"outlet": "Reuters", "url": scene.source.url}],
        statements=[said(), said("Other words.", sources=["2"])],
    )

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302

    assert [list(statement.sources.all()) for statement in Statement.objects.all()] == [[scene.source]] * 2
    assert Source.objects.count() == 2  # the source on record, and the one the status factory made


def test_a_row_citing_a_blank_source_or_none_is_saved_without_one(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(), said("Said with no source.", sources=[])])

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302

    assert [statement.sources.count() for statement in Statement.objects.all()] == [0, 0]


def test_a_row_citing_a_source_the_form_does_not_have_is_refused(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(sources=["7"])])

    assert "Select a valid choice" in row_errors(refused(as_editor, scene, data), "statements-0")


def test_rows_left_blank_are_skipped_and_a_blank_form_saves_nothing(as_editor, scene):
    before = counts()
    response = as_editor.post(entry_url(scene.geneva), form_data(opened(as_editor, scene), blank_rows=3))

    assert response.status_code == 302
    assert counts() == before
    assert "Nothing was entered: every row was blank." in page_text(as_editor.get(response["Location"]))


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_all_save_drafts_in_their_own_name(persona, client, scene, request):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    data = form_data(opened(client, scene), statements=[said()])

    assert client.post(entry_url(scene.geneva), data).status_code == 302
    statement = Statement.objects.get()
    assert statement.state == PublicationState.DRAFT
    assert statement.history.get().history_user == user
    assert Change.objects.filter(record_uuid=statement.uuid).get().user == user


def test_a_status_already_published_at_the_round_is_corrected(as_editor, scene, reviewer):
    published = IssueStatusFactory(
        issue=scene.ceasefire, round=scene.geneva, status="discussed", publish=True, by=reviewer
    )
    data = form_data(opened(as_editor, scene), statuses={scene.ceasefire.pk: {"status": "progress"}})

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302

    correction = IssueStatus.objects.get(state=PublicationState.DRAFT)
    assert (correction.revises, correction.status) == (published, "progress")
    assert list(correction.sources.all()) == list(published.sources.all())


# --- refusals: nothing saved, each by its row, what was typed kept ------------------------------


def refused(client, scene, data, session=None):
    before = counts()
    response = client.post(entry_url(scene.geneva, session), data)
    assert response.status_code == 400
    assert counts() == before, "nothing may be saved when a row is refused"
    assert "Nothing was saved" in page_text(response)
    return response


def test_an_unknown_speaker_is_refused_on_its_row_and_the_other_rows_wait(as_editor, scene):
    data = form_data(
        opened(as_editor, scene),
        statements=[said(), said("Nothing was agreed on territory.", speaker="Kirill Budanov")],
        agreements=[{"title": "Exchange", "terms": "All for all.", "parties": [scene.ukraine.pk]}],
    )

    response = refused(as_editor, scene, data)

    assert "No one named “Kirill Budanov” is on record" in row_errors(response, "statements-1")
    assert row_errors(response, "statements-0") == ""
    markup = response.content.decode()
    assert "Nothing was agreed on territory." in markup and 'value="Kirill Budanov"' in markup
    assert "All for all.</textarea>" in markup
    assert 'href="#statements-1"' in markup


def test_a_speaker_typed_by_surname_as_reports_write_them_is_found(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(speaker="  medinsky ")])

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302

    assert Statement.objects.get().speaker == scene.medinsky


def test_a_name_two_people_go_by_names_the_rounds_delegate(as_editor, scene):
    PersonFactory(name="Sergei Umerov", aliases="Umerov")
    data = form_data(opened(as_editor, scene), statements=[said(speaker="umerov")])

    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302

    assert Statement.objects.get().speaker == scene.umerov


def test_a_name_two_delegates_go_by_is_refused_listing_them(as_editor, scene):
    sergei = PersonFactory(name="Sergei Umerov", aliases="Umerov")
    MembershipFactory(delegation=scene.geneva.delegations.get(party=scene.ukraine), person=sergei)
    data = form_data(opened(as_editor, scene), statements=[said(speaker="umerov")])

    response = refused(as_editor, scene, data)

    assert (
        "“umerov” names more than one person: Rustem Umerov (rustem-umerov), Sergei Umerov (sergei-umerov). "
        "Type the full name, or the slug in brackets." in row_errors(response, "statements-0")
    )


def test_a_misspelt_speaker_is_refused_with_the_names_it_is_close_to(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(speaker="Vladimir Medinskyy")])

    errors = row_errors(refused(as_editor, scene, data), "statements-0")

    assert "No one named “Vladimir Medinskyy” is on record. Did you mean “Vladimir Medinsky”?" in errors


def test_a_statement_needs_a_speaker_or_a_description_and_its_words(as_editor, scene):
    row = {"speaker": "", "text": "", "translation": "We talked."}
    data = form_data(opened(as_editor, scene), statements=[row])

    errors = row_errors(refused(as_editor, scene, data), "statements-0")

    assert "Name the speaker, or describe them" in errors
    assert "Give the words" in errors


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (lambda: timezone.localdate() + datetime.timedelta(days=1), "is in the future"),
        (lambda: datetime.date(1899, 12, 31), "before 1900"),
        (lambda: "2026-02-30", "Enter a valid date"),
    ],
)
def test_an_impossible_date_is_refused(day, message, as_editor, scene):
    value = day()
    data = form_data(opened(as_editor, scene), statements=[said(date=str(value), confirm_date="on")])

    assert message in row_errors(refused(as_editor, scene, data), "statements-0")


def test_a_date_far_from_the_round_asks_for_confirmation_on_its_row(as_editor, scene):
    far = said(date="2026-04-01")
    data = form_data(opened(as_editor, scene), statements=[said("Another statement."), far])

    response = refused(as_editor, scene, data)

    assert "more than 30 days from the round" in row_errors(response, "statements-1")
    assert row_errors(response, "statements-0") == ""
    markup = response.content.decode()
    assert 'name="statements-1-confirm_date"' in markup
    assert 'name="statements-0-confirm_date"' not in markup

    data["statements-1-confirm_date"] = "on"
    assert as_editor.post(entry_url(scene.geneva), data).status_code == 302
    assert Statement.objects.count() == 2


def test_a_duplicate_of_a_recorded_statement_is_refused(as_editor, scene, reviewer):
    recorded = StatementFactory(
        process=scene.process,
        round=scene.geneva,
        speaker=scene.umerov,
        date=FEB_18,
        text="We keep working.",
        by=reviewer,
        publish=True,
    )
    data = form_data(opened(as_editor, scene), statements=[said(recorded.text)])

    errors = row_errors(refused(as_editor, scene, data), "statements-0")

    assert "already recorded (on the public record): this would be a duplicate" in errors


def test_the_same_statement_twice_in_one_form_is_refused_on_the_second_row(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(), said()])

    response = refused(as_editor, scene, data)

    assert row_errors(response, "statements-0") == ""
    assert "The same statement as row 1: enter it once." in row_errors(response, "statements-1")
    assert "already recorded" not in page_text(response)


def test_a_status_for_an_issue_of_another_process_is_refused(as_editor, scene):
    stray = IssueFactory(name="Another process's issue")
    data = form_data(opened(as_editor, scene), statuses={scene.territory.pk: {"status": "stalled"}})
    data["statuses-0-issue"] = stray.pk

    response = refused(as_editor, scene, data)

    assert "Not an agenda issue of this round's process" in page_text(response)


def test_a_status_row_with_words_but_no_status_is_refused(as_editor, scene):
    data = form_data(opened(as_editor, scene), statuses={scene.territory.pk: {"summary": "Still apart."}})

    assert "Pick the status after this round" in row_errors(refused(as_editor, scene, data), "statuses-0")


def test_a_status_changed_while_the_form_was_open_is_refused_then_saved_once_seen(as_editor, scene, reviewer):
    data = form_data(opened(as_editor, scene), statuses={scene.territory.pk: {"status": "stalled"}})
    IssueStatusFactory(issue=scene.territory, round=scene.geneva, status="deadlocked", by=reviewer)

    response = refused(as_editor, scene, data)

    assert "changed while the form was open (now: deadlocked at" in row_errors(response, "statuses-0")
    resent = {**data, "statuses-0-seen": response.context["sheet"].formsets["statuses"].forms[0]["seen"].value()}
    assert resent["statuses-0-seen"] != data["statuses-0-seen"]
    assert as_editor.post(entry_url(scene.geneva), resent).status_code == 302
    assert IssueStatus.objects.filter(round=scene.geneva, status="stalled").exists()


def test_an_agreement_needs_its_parties_and_well_formed_figures(as_editor, scene):
    data = form_data(
        opened(as_editor, scene),
        agreements=[{"title": "Exchange", "terms": "157 for 157.", "figures": "lots of prisoners"}],
    )

    errors = row_errors(refused(as_editor, scene, data), "agreements-0")

    assert "This field is required." in errors
    assert "Line 1 is not a figure" in errors


def test_figures_read_labels_numbers_and_units():
    from issues.editorial.entry.assessment_forms import parse_figures

    assert parse_figures("prisoners of war exchanged: 157\n\nbodies returned = 1,000 bodies\nkm: 2.5 km") == [
        {"label": "prisoners of war exchanged", "value": 157},
        {"label": "bodies returned", "value": 1000, "unit": "bodies"},
        {"label": "km", "value": 2.5, "unit": "km"},
    ]


def test_a_source_picked_and_described_at_once_is_refused(as_editor, scene):
    data = form_data(
        opened(as_editor, scene),
        sources=[{"existing": scene.source.pk, "outlet": "TASS"}, {"title": "No outlet"}],
        statements=[said()],
    )

    response = refused(as_editor, scene, data)

    assert "Pick a source on record or describe a new one, not both." in row_errors(response, "sources-0")
    assert "Name the outlet of the new source." in row_errors(response, "sources-1")
    assert row_errors(response, "statements-0") == ""


def test_a_new_source_published_in_the_future_is_refused(as_editor, scene):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = form_data(opened(as_editor, scene), sources=[{"outlet": "TASS", "published_on": tomorrow}])

    assert "in the future" in row_errors(refused(as_editor, scene, data), "sources-0")


def test_a_position_needs_its_party_issue_and_stance(as_editor, scene):
    data = form_data(opened(as_editor, scene), positions=[{"text": "A long text without the rest."}])

    errors = row_errors(refused(as_editor, scene, data), "positions-0")

    assert errors.count("This field is required.") == 3


def test_more_rows_than_the_form_takes_are_refused(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said(f"Statement {n}.") for n in range(61)])

    response = refused(as_editor, scene, data)

    assert "Please submit at most 60 forms." in page_text(response)


def test_more_status_rows_than_the_process_has_issues_are_refused(as_editor, scene):
    data = form_data(opened(as_editor, scene), statuses={scene.territory.pk: {"status": "stalled"}})
    data.update({"statuses-TOTAL_FORMS": 4, "statuses-3-issue": scene.territory.pk, "statuses-3-status": "agreed"})

    response = refused(as_editor, scene, data)

    assert "Please submit at most 3 forms." in page_text(response)


def test_a_missing_management_form_is_refused_not_a_server_error(as_editor, scene):
    response = as_editor.post(entry_url(scene.geneva), {"statements-0-text": "x"})

    assert response.status_code == 400
    assert not Statement.objects.exists()


# --- another row, without JavaScript ----------------------------------------------------------


def test_another_row_keeps_what_was_typed_and_saves_nothing(as_editor, scene):
    data = form_data(opened(as_editor, scene), statements=[said("Typed before asking for a row.")], blank_rows=0)
    data["more"] = "statements"

    response = as_editor.post(entry_url(scene.geneva), data)

    assert response.status_code == 200
    assert not Statement.objects.exists()
    markup = response.content.decode()
    assert "Typed before asking for a row." in markup
    assert 'name="statements-TOTAL_FORMS" value="2"' in markup
    assert "Nothing was saved" not in markup and "errorlist" not in markup

    posted = form_data(response, statements=[said("Typed before asking for a row.")], blank_rows=1)
    assert as_editor.post(entry_url(scene.geneva), posted).status_code == 302
    assert Statement.objects.count() == 1


# --- what it costs and what it shows -----------------------------------------------------------


def test_the_page_reads_the_same_number_of_queries_however_much_is_on_record(as_editor, scene):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.get(entry_url(scene.geneva)).status_code == 200
        return len(captured)

    few = queries()
    for n in range(6):
        IssueFactory(process=scene.process)
        MembershipFactory(delegation=scene.geneva.delegations.first())
        StatementFactory(process=scene.process, round=scene.geneva, text=f"Said {n}.")
        IssueStatusFactory(
            issue=scene.prisoners,
            round=RoundFactory(process=scene.process, start_date=datetime.date(2026, 1, 1 + n), end_date=None),
            publish=True,
        )
    assert queries() == few == 12


def test_record_text_is_escaped(as_editor, scene):
    PersonFactory(name="<script>alert(1)</script>")
    MembershipFactory(delegation=scene.geneva.delegations.first(), person__name="<img src=x onerror=alert(2)>")

    markup = opened(as_editor, scene).content.decode()

    assert "<script>alert(1)" not in markup and "<img src=x" not in markup
    assert "&lt;img src=x onerror=alert(2)&gt;" in markup


def test_the_page_loads_its_script_from_the_site_only(as_editor, scene):
    markup = opened(as_editor, scene).content.decode()

    assert re.findall(r"<script[^>]*>", markup) == ['<script src="/static/js/entry.js" defer>']
    assert " on" not in " ".join(re.findall(r"<[a-z]+ [^>]*\bon[a-z]+=", markup))


def test_published_records_stay_out_until_a_reviewer_publishes(as_editor, scene, reviewer):
    data = form_data(opened(as_editor, scene), sources=[{"existing": scene.source.pk}], statements=[said()])
    as_editor.post(entry_url(scene.geneva), data)
    statement = Statement.objects.get()

    assert Statement.objects.published().count() == 0
    draft_publish(statement, by=reviewer)
    assert Statement.objects.published().get() == statement


def test_saving_costs_a_fixed_number_of_queries_a_statement_row(as_editor, scene):
    def saving(rows):
        data = form_data(
            opened(as_editor, scene),
            sources=[{"existing": scene.source.pk}],
            statements=[said(f"Words {rows}.{n}.", issues=[scene.territory.pk]) for n in range(rows)],
        )
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.post(entry_url(scene.geneva), data).status_code == 302
        return len(captured)

    one, three = saving(1), saving(3)

    # 18 for the page, the form and the transaction; 39 a statement through its service
    # (the speaker, the party's check, the duplicate check, the record, its history and
    # change-log rows, its source and issue link with theirs), and on PostgreSQL one more:
    # its search document.
    per_statement = 39 + (connection.vendor == "postgresql")
    assert (one, three) == (18 + per_statement, 18 + 3 * per_statement)
