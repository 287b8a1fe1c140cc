"""statements/: what was said, filtered, searched in any script, paged by cursor, and as CSV."""

import csv
import datetime
import io
import uuid

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from delegations.services import person_save
from issues import services
from issues.api.filters import StatementFilter
from issues.api.views import statements as statement_views
from issues.api.views.csv_output import spreadsheet_cell
from issues.api.views.statements import StatementPagination
from issues.models import PublicationState, Statement
from negotrack.bulk import create_records
from negotrack.groups import EDITORS, system_user
from negotrack.records import service_write
from rounds.dates import DatePrecision, span_end
from tests.conftest import _user
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/statements/"
TWELVE_WORDS = [
    *("ceasefire", "talks", "progress", "security", "guarantees", "prisoner"),
    *("exchange", "territory", "monitoring", "sanctions", "energy", "relief"),
]


def published(**fields):
    return StatementFactory(publish=True, **fields)


def between_rounds(on, precision=DatePrecision.DAY, **fields):
    return published(round=None, date=on, date_precision=precision, **fields)


def uuids(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["uuid"] for row in response.json()["results"]}


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200, response.content
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


# --- what a statement reads like ------------------------------------------------------


def test_a_statement_reads_with_its_speaker_party_session_issues_and_sources(client):
    session = SessionFactory()
    talk_round = session.round
    speaker = PersonFactory(name="Rustem Umerov")
    party = PartyFactory(slug="ukraine")
    issue = IssueFactory(process=talk_round.process)
    source = SourceFactory(outlet="Reuters", url="https://example.org/report")
    statement = published(
        process=talk_round.process,
        round=talk_round,
        session=session,
        speaker=speaker,
        party=party,
        speaker_title="secretary of the security council",
        medium="interview",
        kind="paraphrase",
        language="uk",
        text="Є прогрес.",
        translation="There is progress.",
        issues=[issue],
        sources=[source],
    )
    body = client.get(f"{URL}{statement.uuid}/").json()
    assert body | {"created_at": None, "updated_at": None} == {
        "uuid": str(statement.uuid),
        "version": statement.version,
        "created_at": None,
        "updated_at": None,
        "process": talk_round.process.slug,
        "round": talk_round.slug,
        "session": str(session.uuid),
        "speaker": {"slug": speaker.slug, "name": "Rustem Umerov"},
        "speaker_description": "",
        "party": "ukraine",
        "speaker_title": "secretary of the security council",
        "date": "2026-02-18",
        "date_precision": "day",
        "medium": "interview",
        "kind": "paraphrase",
        "language": "uk",
        "text": "Є прогрес.",
        "translation": "There is progress.",
        "text_is_translation": False,
        "issues": [issue.slug],
        "sources": [
            {
                "uuid": str(source.uuid),
                "outlet": "Reuters",
                "title": source.title,
                "url": "https://example.org/report",
                "published_on": "2026-02-18",
                "via": None,
            }
        ],
        "state": "published",
        "notice": None,
        "revises": None,
        "review_note": "",
    }
    assert client.get(URL).json()["results"] == [body]


def test_an_unnamed_speaker_reads_as_null_beside_the_description(client):
    statement = published(speaker=None, speaker_description="a senior Russian official")
    row = client.get(f"{URL}{statement.uuid}/").json()
    assert (row["speaker"], row["speaker_description"], row["party"], row["session"]) == (
        None,
        "a senior Russian official",
        None,
        None,
    )


def test_a_withdrawn_statement_reads_as_a_correction_notice(client, reviewer):
    statement = published()
    services.record_withdraw(statement, by=reviewer, note="Misattributed.", on_date=datetime.date(2026, 2, 20))
    row = client.get(f"{URL}{statement.uuid}/").json()
    assert (row["state"], row["notice"]) == (
        "withdrawn",
        {"state": "withdrawn", "on": "2026-02-20", "note": "Misattributed."},
    )


def test_drafts_reach_only_editors_and_reviewers_who_ask(client, analyst, editor, reviewer):
    public, draft = published(), StatementFactory()
    assert uuids(client.get(f"{URL}?include=drafts")) == {str(public.uuid)}
    assert client.get(f"{URL}{draft.uuid}/?include=drafts").status_code == 404
    client.force_login(analyst)
    assert uuids(client.get(f"{URL}?include=drafts")) == {str(public.uuid)}
    client.force_login(editor)
    assert uuids(client.get(URL)) == {str(public.uuid)}
    assert uuids(client.get(f"{URL}?include=drafts")) == {str(public.uuid), str(draft.uuid)}
    client.force_login(reviewer)
    assert client.get(f"{URL}{draft.uuid}/?include=drafts").json()["state"] == "draft"


def test_a_detail_that_is_no_uuid_answers_404(client):
    assert client.get(f"{URL}not-a-uuid/").status_code == 404
    assert client.get(f"{URL}{uuid.uuid4()}/").status_code == 404


# --- filters --------------------------------------------------------------------------


def test_each_filter_picks_its_statements(client, analyst):
    client.force_login(analyst)
    here, there = SessionFactory(), SessionFactory()
    wanted = published(
        process=here.round.process,
        round=here.round,
        session=here,
        party=PartyFactory(),
        issues=[IssueFactory(process=here.round.process)],
    )
    published(
        process=there.round.process,
        round=there.round,
        session=there,
        party=PartyFactory(),
        issues=[IssueFactory(process=there.round.process)],
    )
    for query in [
        f"process={here.round.process.slug}",
        f"round={here.round.slug}",
        f"session={here.uuid}",
        f"speaker={wanted.speaker.slug}",
        f"party={wanted.party.slug}",
        f"issue={wanted.issues.get().slug}",
    ]:
        assert uuids(client.get(f"{URL}?{query}")) == {str(wanted.uuid)}, query


def test_a_statement_on_two_issues_is_listed_once(client):
    process = ProcessFactory()
    issues = [IssueFactory(process=process), IssueFactory(process=process)]
    published(process=process, round=RoundFactory(process=process), issues=issues)
    assert len(client.get(f"{URL}?process={process.slug}").json()["results"]) == 1


@pytest.mark.parametrize("name", ["process", "round", "speaker", "party", "issue", "session"])
def test_an_unknown_name_answers_400_naming_the_filter(client, name):
    value = uuid.uuid4() if name == "session" else "no-such-thing"
    response = client.get(f"{URL}?{name}={value}")
    assert response.status_code == 400
    assert list(response.json()) == [name]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("session=not-a-uuid", "session"),
        ("date_from=2026-02-30", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("date_from=2026-03-01&date_to=2026-02-01", "date_to"),
        ("cursor=bm9uc2Vuc2U", "cursor"),
        ("cursor=cD1ub3QtYS1kYXRl", "cursor"),  # p=not-a-date
    ],
)
def test_malformed_input_answers_400_naming_the_field(client, query, field):
    published()
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_the_date_range_matches_a_week_by_any_day_of_it(client):
    week = between_rounds(datetime.date(2026, 2, 16), DatePrecision.WEEK)  # Monday; the week ends on the 22nd
    assert uuids(client.get(f"{URL}?date_from=2026-02-20")) == {str(week.uuid)}
    assert uuids(client.get(f"{URL}?date_from=2026-02-22")) == {str(week.uuid)}
    assert uuids(client.get(f"{URL}?date_from=2026-02-23")) == set()
    assert uuids(client.get(f"{URL}?date_to=2026-02-16")) == {str(week.uuid)}
    assert uuids(client.get(f"{URL}?date_to=2026-02-15")) == set()
    assert uuids(client.get(f"{URL}?date_from=2026-02-18&date_to=2026-02-19")) == {str(week.uuid)}


def test_the_date_range_matches_a_month_by_any_day_of_it(client):
    month = between_rounds(datetime.date(2024, 2, 1), DatePrecision.MONTH)  # a leap February
    assert uuids(client.get(f"{URL}?date_from=2024-02-29")) == {str(month.uuid)}
    assert uuids(client.get(f"{URL}?date_from=2024-03-01")) == set()
    assert uuids(client.get(f"{URL}?date_to=2024-01-31")) == set()
    assert uuids(client.get(f"{URL}?date_from=2024-02-10&date_to=2024-02-10")) == {str(month.uuid)}


def test_the_date_range_agrees_with_span_end_on_every_edge(client, analyst):
    client.force_login(analyst)
    dated = [
        (datetime.date(2026, 2, 15), DatePrecision.DAY),
        (datetime.date(2026, 3, 1), DatePrecision.DAY),
        (datetime.date(2025, 12, 29), DatePrecision.WEEK),  # runs into the next year
        (datetime.date(2026, 2, 23), DatePrecision.WEEK),  # runs into March
        (datetime.date(2026, 1, 1), DatePrecision.MONTH),
        (datetime.date(2026, 2, 1), DatePrecision.MONTH),
        (datetime.date(2025, 12, 1), DatePrecision.MONTH),
    ]
    statements = {str(between_rounds(on, precision).uuid): (on, precision) for on, precision in dated}
    edges = sorted({day for on, precision in dated for day in (on, span_end(on, precision))})
    probes = sorted({day + datetime.timedelta(days=shift) for day in edges for shift in (-1, 0, 1)})
    ranges = [(probe, None) for probe in probes] + [(None, probe) for probe in probes]
    ranges += [(start, start + datetime.timedelta(days=2)) for start in probes[::3]]
    for start, end in ranges:
        query = "&".join(f"{name}={day}" for name, day in (("date_from", start), ("date_to", end)) if day)
        expected = {
            key
            for key, (on, precision) in statements.items()
            if (end is None or on <= end) and (start is None or span_end(on, precision) >= start)
        }
        assert uuids(client.get(f"{URL}?{query}")) == expected, query


def test_a_date_range_at_the_calendar_edge_answers_200(client):
    published()
    assert client.get(f"{URL}?date_from=0001-01-02&date_to=9999-12-31").status_code == 200


# --- q: full text in any script -------------------------------------------------------


def test_q_finds_a_speaker_by_an_alias_in_another_script_and_case(client):
    zelensky = PersonFactory(name="Volodymyr Zelensky", aliases="Зеленский\nSelenskyj")
    said = published(speaker=zelensky, text="We are ready for a meeting.")
    published(text="Nothing new.")
    assert uuids(client.get(f"{URL}?q=зеленский")) == {str(said.uuid)}
    assert uuids(client.get(f"{URL}?q=ЗЕЛЕНСКИЙ")) == {str(said.uuid)}
    assert uuids(client.get(f"{URL}?q=zelensky")) == {str(said.uuid)}


def test_q_finds_words_of_the_translation_the_text_and_an_unnamed_speaker(client):
    translated = published(
        language="ru",
        text="Прекращение огня соблюдается.",
        translation="The ceasefire holds.",
        speaker=None,
        speaker_description="a senior Kremlin official",
    )
    other = published(text="Territory remains the hardest question.")
    assert uuids(client.get(f"{URL}?q=ceasefire")) == {str(translated.uuid)}
    assert uuids(client.get(f"{URL}?q=ОГНЯ")) == {str(translated.uuid)}
    assert uuids(client.get(f"{URL}?q=kremlin")) == {str(translated.uuid)}
    assert uuids(client.get(f"{URL}?q=territory")) == {str(other.uuid)}


def test_q_wants_every_word_and_ignores_blank_input(client):
    both = published(text="The ceasefire and the territory.")
    published(text="The ceasefire alone.")
    assert uuids(client.get(f"{URL}?q=territory+ceasefire")) == {str(both.uuid)}
    assert len(uuids(client.get(f"{URL}?q=+++"))) == 2
    assert uuids(client.get(f"{URL}?q=%22%27%29%3A*%26")) == set()  # punctuation never breaks the query


def test_q_answers_400_naming_its_limits_past_12_words_or_200_characters(client):
    said = published(text=" ".join(TWELVE_WORDS))
    assert uuids(client.get(URL, {"q": " ".join(TWELVE_WORDS)})) == {str(said.uuid)}
    assert uuids(client.get(URL, {"q": "x" * 200})) == set()

    too_many = client.get(URL, {"q": " ".join([*TWELVE_WORDS, "more"])})
    assert too_many.status_code == 400
    assert too_many.json() == {"q": ["Search for at most 12 words (this has 13)."]}
    too_long = client.get(URL, {"q": "x" * 201})
    assert too_long.status_code == 400
    assert too_long.json() == {"q": ["Ensure this value has at most 200 characters (it has 201)."]}
    # The attack that found the problem: a thousand one-letter words.
    assert set(client.get(URL, {"q": " ".join("a" * 1000)}).json()) == {"q"}


def test_the_schema_states_the_limits_of_q(client):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/vnd.oai.openapi+json"}).json()
    parameters = schema["paths"]["/api/v1/statements/"]["get"]["parameters"]
    q = next(parameter for parameter in parameters if parameter["name"] == "q")
    assert "at most 12 words and 200 characters, more answers 400" in q["description"]


def test_q_follows_a_speakers_new_name_and_aliases_and_a_new_speaker(client, editor, reviewer):
    speaker = PersonFactory(name="Kirill Dmitriev")
    said = published(speaker=speaker, text="The meeting was constructive.")
    speaker.name, speaker.aliases = "Kirill A. Dmitriev", "Дмитриев"
    person_save(speaker, by=reviewer)  # an editor's change would wait for review, and the search with it
    assert uuids(client.get(URL, {"q": "дмитриев constructive"})) == {str(said.uuid)}

    draft = StatementFactory(speaker=speaker, text="A draft by Dmitriev's office.")
    draft.speaker = PersonFactory(name="Steve Witkoff")
    services.statement_save(draft, by=editor)
    services.draft_publish(draft, by=system_user())
    assert uuids(client.get(URL, {"q": "witkoff office"})) == {str(draft.uuid)}
    assert uuids(client.get(URL, {"q": "дмитриев office"})) == set()


def test_q_does_not_follow_a_new_name_that_awaits_review(client, editor):
    speaker = PersonFactory(name="Kirill Dmitriev")
    published(speaker=speaker, text="The meeting was constructive.")
    speaker.aliases = "Дмитриев"
    assert person_save(speaker, by=editor).pending_revision is not None
    assert uuids(client.get(URL, {"q": "дмитриев"})) == set()


def test_statements_written_through_the_bulk_path_are_searchable_once_refreshed(client):
    process, person, source = ProcessFactory(), PersonFactory(name="Marco Rubio"), SourceFactory()
    public = {"state": PublicationState.PUBLISHED, "published_at": timezone.now(), "published_by": system_user()}
    statements = [
        Statement(process=process, speaker=person, date=source.published_on, text=f"Bulk statement {n}.", **public)
        for n in range(3)
    ]
    create_records(Statement, statements, by=system_user(), m2m={"sources": [[source]] * 3})
    services.search_documents_refresh(Statement.objects.filter(process=process))
    assert uuids(client.get(URL, {"q": "rubio bulk"})) == {str(statement.uuid) for statement in statements}


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the search documents exist on PostgreSQL only")
def test_a_statement_longer_than_a_document_may_hold_still_gets_one(client):
    # Saved before the limit on a statement's length: two megabytes of distinct words
    # would make a text-search vector past PostgreSQL's 1 MB.
    said = published(text="Short at first.")
    huge = "ceasefire " + " ".join(f"w{n}" for n in range(300_000)) + " unreachable"
    with service_write():
        Statement.objects.filter(pk=said.pk).update(text=huge)
    services.search_documents_refresh(Statement.objects.filter(pk=said.pk))
    assert uuids(client.get(URL, {"q": "ceasefire w1000"})) == {str(said.uuid)}
    # The document keeps the first MAX_TEXT_LENGTH characters.
    assert uuids(client.get(URL, {"q": "ceasefire unreachable"})) == set()


# --- paging ---------------------------------------------------------------------------


def test_paging_by_cursor_sees_every_statement_once_even_on_shared_dates(client, analyst):
    client.force_login(analyst)
    days = [datetime.date(2026, 2, 10), datetime.date(2026, 2, 12), datetime.date(2026, 2, 12)]
    made = [between_rounds(day) for day in days for _ in range(3)]
    seen, pages, url = [], 0, f"{URL}?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [(row["date"], row["uuid"]) for row in body["results"]]
        url, pages = body["next"], pages + 1
    assert sorted(uuid for _, uuid in seen) == sorted(str(statement.uuid) for statement in made)
    assert [day for day, _ in seen] == sorted((day for day, _ in seen), reverse=True)
    assert pages == 5

    # And back again from the last page.
    back, url = [], body["previous"]
    while url:
        body = client.get(url).json()
        back = [row["uuid"] for row in body["results"]] + back
        url = body["previous"]
    assert back == [uuid for _, uuid in seen[:-1]]


def test_a_page_holds_50_by_default_and_the_client_may_ask_for_fewer(client):
    for _ in range(3):
        published()
    assert len(client.get(f"{URL}?page_size=1").json()["results"]) == 1
    assert len(client.get(URL).json()["results"]) == 3
    assert (StatementPagination.page_size, StatementPagination.max_page_size) == (50, 200)


# --- CSV --------------------------------------------------------------------------------


def test_the_csv_has_a_header_and_every_filtered_statement_not_one_page(client):
    process = ProcessFactory()
    made = [published(process=process, round=RoundFactory(process=process)) for _ in range(3)]
    published()  # another process
    rows = csv_rows(client.get(f"{URL}?process={process.slug}&format=csv&page_size=1"))
    header, *lines = rows
    assert header[:6] == ["uuid", "version", "created_at", "updated_at", "process", "round"]
    assert {"speaker", "speaker_name", "text", "translation", "issues", "sources", "state"} <= set(header)
    assert sorted(dict(zip(header, line, strict=True))["uuid"] for line in lines) == sorted(
        str(statement.uuid) for statement in made
    )


def test_a_csv_row_flattens_the_speaker_issues_sources_and_notice(client, reviewer):
    issue = IssueFactory()
    source = SourceFactory(outlet="TASS", title="Talks", url="https://example.org/tass")
    statement = published(process=issue.process, round=None, issues=[issue], sources=[source])
    services.record_withdraw(statement, by=reviewer, note="Misquoted.", on_date=datetime.date(2026, 2, 20))
    header, line = csv_rows(client.get(f"{URL}{statement.uuid}/?format=csv"))
    row = dict(zip(header, line, strict=True))
    assert (row["speaker"], row["speaker_name"]) == (statement.speaker.slug, statement.speaker.name)
    assert (row["issues"], row["sources"]) == (issue.slug, "TASS: Talks <https://example.org/tass>")
    assert (row["state"], row["notice_on"], row["notice_note"]) == ("withdrawn", "2026-02-20", "Misquoted.")
    assert (row["round"], row["text_is_translation"]) == ("", "false")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized(client):
    statement = published(
        text='=HYPERLINK("https://evil.example","click")', speaker=None, speaker_description="@SUM(A1)"
    )
    header, line = csv_rows(client.get(f"{URL}?format=csv"))
    row = dict(zip(header, line, strict=True))
    assert row["text"] == '\'=HYPERLINK("https://evil.example","click")'
    assert row["speaker_description"] == "'@SUM(A1)"
    assert row["uuid"] == str(statement.uuid)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_gets_an_apostrophe(start):
    assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"
    assert spreadsheet_cell(f"a{start}1") == f"a{start}1"


def test_bad_input_to_the_csv_still_answers_400_in_json(client):
    response = client.get(f"{URL}?format=csv&process=no-such-process")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "process" in response.json()


def test_the_matrix_comes_as_csv_a_row_per_round_a_column_per_issue(client):
    process = ProcessFactory()
    late = RoundFactory(process=process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18))
    early = RoundFactory(process=process, start_date=datetime.date(2026, 1, 5), end_date=datetime.date(2026, 1, 6))
    territory, monitoring = IssueFactory(process=process, sort_order=1), IssueFactory(process=process, sort_order=2)
    IssueStatusFactory(issue=territory, round=early, status="raised", publish=True)
    IssueStatusFactory(issue=monitoring, round=late, status="agreed", publish=True)
    json_before = client.get(f"/api/v1/status-matrix/?process={process.slug}").json()
    rows = csv_rows(client.get(f"/api/v1/status-matrix/?process={process.slug}&format=csv"))
    assert rows == [
        ["round", "start_date", "end_date", territory.slug, monitoring.slug],
        [early.slug, "2026-01-05", "2026-01-06", "raised", ""],
        [late.slug, "2026-02-17", "2026-02-18", "", "agreed"],
    ]
    assert client.get(f"/api/v1/status-matrix/?process={process.slug}&format=json").json() == json_before


def test_the_matrix_csv_needs_a_known_process_and_says_so_in_json(client):
    response = client.get("/api/v1/status-matrix/?format=csv&process=no-such-process")
    assert response.status_code == 400
    assert "process" in response.json()


# --- query counts -----------------------------------------------------------------------


def queries(client, path, rows) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            body = b"".join(response.streaming_content).decode()
            assert body.count("\n") == rows + 1, body
        else:
            assert len(response.json()["results"]) == rows
    return [query["sql"] for query in captured.captured_queries]


def statements_of(issue, count):
    """`count` statements, each with its own session, party, speaker and source."""
    process = issue.process
    talk_round = RoundFactory(process=process)
    for _ in range(count):
        session = SessionFactory(round=talk_round)
        published(process=process, round=talk_round, session=session, party=PartyFactory(), issues=[issue])


def statement_queries(sql: list[str]) -> int:
    return sum('"issues_statement' in query for query in sql)


STATEMENT_READS = {
    "": 3,  # the page, its issues, its sources
    "?format=csv": 3,  # one chunk of 500: the statements, their issues, their sources
    "?q=official&date_from=2026-01-01&issue={issue}": 3,
}


@pytest.fixture(scope="class")
def statement_reads(django_db_setup, django_db_blocker):
    """The queries of each read over 5 statements, then over 50, by an editor: the record is
    made once for the class that reads them and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        client.force_login(_user("statement-reader", groups=[EDITORS]))
        issue = IssueFactory()
        paths = {query: URL + query.format(issue=issue.slug) for query in STATEMENT_READS}
        statements_of(issue, 5)
        few = {query: queries(client, path, 5) for query, path in paths.items()}
        statements_of(issue, 45)
        many = {query: queries(client, path, 50) for query, path in paths.items()}
        yield few, many
        transaction.set_rollback(True)


class TestStatementReadsRunAFixedNumberOfQueries:
    @pytest.mark.parametrize("query", STATEMENT_READS)
    def test_statements_run_as_many_queries_for_50_as_for_5(self, statement_reads, query):
        few, many = statement_reads[0][query], statement_reads[1][query]
        assert len(many) == len(few)
        assert statement_queries(many) == statement_queries(few) == STATEMENT_READS[query]


def test_the_matrix_csv_runs_as_many_queries_for_50_rounds_as_for_5(client):
    process = ProcessFactory()
    issue = IssueFactory(process=process)

    def rounds(count, start):
        for n in range(start, start + count):
            day = datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
            talk_round = RoundFactory(process=process, start_date=day, end_date=day)
            IssueStatusFactory(issue=issue, round=talk_round, publish=True)

    rounds(5, 0)
    few = queries(client, f"/api/v1/status-matrix/?process={process.slug}&format=csv", 5)
    rounds(45, 5)
    assert len(queries(client, f"/api/v1/status-matrix/?process={process.slug}&format=csv", 50)) == len(few)


def test_the_csv_reads_the_statements_a_chunk_at_a_time_each_its_own_query(client, monkeypatch):
    monkeypatch.setattr(statement_views, "CSV_CHUNK", 4)
    said = [between_rounds(datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 3)) for n in range(10)]
    with CaptureQueriesContext(connection) as captured:
        rows = csv_rows(client.get(f"{URL}?format=csv"))
    newest_first = sorted(said, key=lambda statement: (statement.date, statement.pk), reverse=True)
    assert [row[0] for row in rows[1:]] == [str(statement.uuid) for statement in newest_first]
    chunks = [query["sql"] for query in captured.captured_queries if query["sql"].endswith("LIMIT 4")]
    assert len(chunks) == 3  # 4, 4 and 2 statements, each chunk after the last of the one before
    assert all('FROM "issues_statement"' in sql for sql in chunks)


def test_the_paging_query_filters_by_position_not_by_offset(client, analyst):
    client.force_login(analyst)
    for n in range(9):
        between_rounds(datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    second = client.get(f"{URL}?page_size=3").json()["next"]
    sql = queries(client, second, 3)
    page = next(query for query in sql if 'FROM "issues_statement"' in query and "LIMIT" in query)
    assert "OFFSET" not in page


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only")
def test_a_search_of_twelve_words_is_one_query_on_the_search_documents_gin_index(django_assert_num_queries):
    said = published(text=" ".join(TWELVE_WORDS))
    published(text=" ".join(TWELVE_WORDS[:-1]))
    found = StatementFilter(data={"q": " ".join(TWELVE_WORDS)}, queryset=Statement.objects.public())
    assert found.is_valid()
    with django_assert_num_queries(1) as captured:
        assert list(found.qs) == [said]
    assert captured.captured_queries[0]["sql"].count("SELECT") == 1  # no subquery per word

    # The plan on a record of some size, its statistics known. A few hundred rows are still
    # cheaper read whole or walked in key order: the planner may only go the way a large
    # record makes it go.
    process, person, source = ProcessFactory(), PersonFactory(), SourceFactory()
    public = {"state": PublicationState.PUBLISHED, "published_at": timezone.now(), "published_by": system_user()}
    others = [
        Statement(process=process, speaker=person, date=source.published_on, text=f"Other words {n}.", **public)
        for n in range(200)
    ]
    create_records(Statement, others, by=system_user(), m2m={"sources": [[source]] * len(others)})
    services.search_documents_refresh(Statement.objects.filter(process=process))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE issues_statement, issues_statementsearch")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = found.qs.explain()
    assert "Bitmap Index Scan on statementsearch_document" in plan, plan
    assert "Index Cond: (document @@ '''ceasefire'' & ''talks''" in plan, plan
