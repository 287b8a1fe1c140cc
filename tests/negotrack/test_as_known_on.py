"""`?as_known_on=` on the API's reads (negotrack.as_known): each read shows the public record
as it stood, the day before a correction the record before it, the day after the record
after it; the moment is refused where it cannot be read or does not apply; and the record
shows as it is once the read is over.

The record is tests.as_known_record's: published on 10 February 2026, partly corrected,
withdrawn and edited on 20 February. The pages have their tests beside the pages'
(tests/issues/pages/test_as_known_on_pages.py).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from issues.models import Statement
from negotrack import as_known
from negotrack.models import Change
from tests import as_known_record as told
from tests.as_known_record import AFTER, BEFORE, BETWEEN

# Around every read of the record as it stood: a savepoint, its rollback and its release.
# Then each stand-in of a record table the read names: the table and its rows (a small one
# gets no statistics, negotrack.as_known.ANALYSED_FROM). A read that builds a timeline as it
# stood also makes the two timeline tables' empty stand-ins, counted with its own queries.
FIXED = 3
PER_TABLE = 2


def count(sqlite: int, postgresql: int | None = None, *, tables: int) -> dict[str, int]:
    """A read's queries as it stood, on each database (the same on both unless told), and
    the stand-ins of record tables it makes (the same on both)."""
    return {"sqlite": sqlite, "postgresql": sqlite if postgresql is None else postgresql, "tables": tables}


def made(queries: dict[str, int]) -> int:
    """All the queries of a read as it stood: its own, and the making of the record as it stood."""
    return FIXED + queries["tables"] * PER_TABLE + queries[connection.vendor]


@dataclass(frozen=True)
class Read:
    """An API read, what it shows of the record on 19 February (`then`) and after 20
    February (`now`), and its queries on 19 February, the making of the stand-ins left out
    (the same on both databases but where told: a timeline is built for the read, as it
    stood, and PostgreSQL writes its entries with COPY, which Django's count of queries
    leaves out, where SQLite runs an INSERT)."""

    path: str
    then: tuple[str, ...]
    now: tuple[str, ...]
    queries: dict[str, int]
    # On 19 February a record made on 20 February is not found.
    then_status: int = 200
    # On 1 February, before anything was published: "empty" (a list with no rows, a CSV
    # with its header alone), or the status of a read of a record not yet on record.
    before: str | int = "empty"
    # What is left out when the read as of 21 February is compared with the read now.
    not_compared: tuple[str, ...] = field(default=())


def reads(story: told.Story) -> dict[str, Read]:
    issue, round_slug = story.issue.slug, story.round.slug
    statement, correction = story.statement.uuid, story.statement_correction.uuid
    as_published, as_corrected = '"state":"published"', '"state":"superseded"'
    withdrawn = ('"state":"withdrawn"', told.WITHDRAWAL_NOTE)
    return {
        "processes": Read("/api/v1/processes/", (told.PROCESS_NOTE,), (told.PROCESS_NOTE_LATER,), count(3, tables=1)),
        "process": Read("/api/v1/processes/known-talks/", (told.PROCESS_NOTE,), (told.PROCESS_NOTE_LATER,),
                        count(3, tables=1), before=404),
        "rounds": Read("/api/v1/rounds/", (told.ROUND_SUMMARY,), (told.ROUND_SUMMARY_LATER,), count(3, tables=2)),
        "round": Read(f"/api/v1/rounds/{round_slug}/",
                      (told.ROUND_SUMMARY, told.SESSION_SUMMARY, told.TITLE, told.SUMMARY, told.TERMS),
                      (told.ROUND_SUMMARY_LATER, told.SESSION_SUMMARY_LATER, told.TITLE_LATER,
                       told.DELEGATION_NOTE_LATER, told.SUMMARY_CORRECTED, *withdrawn),
                      count(13, tables=16), before=404),
        "sessions": Read("/api/v1/sessions/", (told.SESSION_SUMMARY,), (told.SESSION_SUMMARY_LATER,),
                         count(3, tables=2)),
        "session": Read(f"/api/v1/sessions/{story.session.uuid}/", (told.SESSION_SUMMARY,),
                        (told.SESSION_SUMMARY_LATER,), count(3, tables=2), before=404),
        "parties": Read("/api/v1/parties/", ('"name":"Russia"',), (told.RUSSIA_LATER,), count(3, tables=1)),
        "party": Read("/api/v1/parties/russia/", ('"name":"Russia"',), (told.RUSSIA_LATER,),
                      count(3, tables=1), before=404),
        "people": Read("/api/v1/people/", ('"slug":"rustem-umerov"',), (told.NEWCOMER, told.ALIAS_LATER),
                       count(3, tables=1)),
        "person": Read(f"/api/v1/people/{story.person.slug}/", ('"aliases":[]',), (told.ALIAS_LATER,),
                       count(3, tables=1),
                       before=404),
        "delegations": Read("/api/v1/delegations/", (told.TITLE,), (told.TITLE_LATER, told.DELEGATION_NOTE_LATER),
                            count(5, tables=7)),
        "delegation": Read(f"/api/v1/delegations/{story.delegation.uuid}/", (told.TITLE,),
                           (told.TITLE_LATER, told.DELEGATION_NOTE_LATER), count(5, tables=7), before=404),
        "memberships": Read("/api/v1/memberships/", (told.TITLE,), (told.TITLE_LATER,), count(4, tables=7)),
        "membership": Read(f"/api/v1/memberships/{story.membership.uuid}/", (told.TITLE,), (told.TITLE_LATER,),
                           count(4, tables=7), before=404),
        "attendances": Read("/api/v1/attendances/", ('"count":0',), (str(story.attendance.uuid),), count(2, tables=1)),
        "attendance": Read(f"/api/v1/attendances/{story.attendance.uuid}/", (), (str(story.attendance.uuid),),
                           count(3, tables=5), then_status=404, before=404),
        "issues": Read("/api/v1/issues/", (told.SUMMARY, '"status":"progress"', told.STANCE),
                       (told.SUMMARY_CORRECTED, '"status":"stalled"', '"positions":[]'), count(4, tables=6)),
        "issue": Read(f"/api/v1/issues/{issue}/", (told.SUMMARY, '"status":"progress"', told.STANCE),
                      (told.SUMMARY_CORRECTED, '"status":"stalled"', '"positions":[]'), count(4, tables=6), before=404),
        "issue status": Read(f"/api/v1/issues/{issue}/status/", (told.SUMMARY,), (told.SUMMARY_CORRECTED,),
                             count(3, tables=3),
                             before=404),
        "issue status as of": Read(f"/api/v1/issues/{issue}/status/?as_of=2026-02-15",
                                   ('"as_of":"2026-02-15"', told.SUMMARY), (told.SUMMARY_CORRECTED,),
                                   count(3, tables=3),
                                   before=404),
        # The timeline is built, as it stood, for the read: its inputs, then its entries and state written.
        "timeline": Read(f"/api/v1/issues/{issue}/timeline/", (told.SAID, told.SUMMARY, told.STANCE, told.TERMS),
                         (told.SAID_CORRECTED, told.SUMMARY_CORRECTED, "Withdrawn on 20 Feb 2026"),
                         count(21, 20, tables=17), before=404, not_compared=("built_at",)),
        "timelinejs": Read(f"/api/v1/issues/{issue}/timeline/?format=timelinejs",
                           (told.SAID, told.SUMMARY, told.STANCE, told.TERMS),
                           (told.SAID_CORRECTED, told.SUMMARY_CORRECTED, "Withdrawn on 20 Feb 2026"),
                           count(21, 20, tables=17), before=404),
        "status matrix": Read("/api/v1/status-matrix/?process=known-talks", ('"known-talks-territory":"progress"',),
                              ('"known-talks-territory":"stalled"',), count(5, tables=4), before=400),
        "status matrix csv": Read("/api/v1/status-matrix/?process=known-talks&format=csv", (",progress",),
                                  (",stalled",), count(5, tables=4), before=400),
        "statements": Read("/api/v1/statements/", (told.SAID, told.KEPT), (told.SAID_CORRECTED, as_corrected),
                           count(4, tables=10)),
        "statements csv": Read("/api/v1/statements/?format=csv", (told.SAID, told.KEPT),
                               (told.SAID_CORRECTED, ",superseded,"), count(4, tables=10)),
        "statements found": Read("/api/v1/statements/?q=Donbas", (told.SAID,), (as_corrected,), count(4, tables=10)),
        "statements found after": Read("/api/v1/statements/?q=Zaporizhzhia", ('"results":[]',),
                                       (told.SAID_CORRECTED,), count(2, tables=6)),
        "statement": Read(f"/api/v1/statements/{statement}/", (told.SAID, as_published), (as_corrected,),
                          count(5, tables=10),
                          before=404),
        "correction": Read(f"/api/v1/statements/{correction}/", (), (told.SAID_CORRECTED,), count(3, tables=6),
                           then_status=404, before=404),
        "statuses": Read("/api/v1/statuses/", (told.SUMMARY, as_published), (told.SUMMARY_CORRECTED, as_corrected),
                         count(4, tables=6)),
        "status": Read(f"/api/v1/statuses/{story.status.uuid}/", (told.SUMMARY, as_published), (as_corrected,),
                       count(4, tables=6), before=404),
        "positions": Read("/api/v1/positions/", (told.STANCE, as_published, '"is_current":true'),
                          (*withdrawn, '"is_current":false'), count(4, tables=7)),
        "position": Read(f"/api/v1/positions/{story.position.uuid}/", (told.STANCE, as_published), withdrawn,
                         count(4, tables=7), before=404),
        "agreements": Read("/api/v1/agreements/", (told.TERMS, as_published), withdrawn, count(6, tables=9)),
        "agreement": Read(f"/api/v1/agreements/{story.agreement.uuid}/", (told.TERMS, as_published), withdrawn,
                          count(6, tables=9), before=404),
        "sources": Read("/api/v1/sources/", (told.SOURCE_TITLE,), (told.SOURCE_TITLE_LATER,), count(3, tables=1)),
        "source": Read(f"/api/v1/sources/{story.source.uuid}/", (told.SOURCE_TITLE,), (told.SOURCE_TITLE_LATER,),
                       count(3, tables=1), before=404),
        "popolo": Read("/api/v1/popolo/?process=known-talks", (told.TITLE, '"other_names":[]'),
                       (told.TITLE_LATER, told.ALIAS_LATER), count(6, tables=9), before=400),
    }  # fmt: skip


def later(story: told.Story) -> list[str]:
    """What no answer shows on 19 February: the corrections, the withdrawals, the edits and
    the records of 20 February."""
    return [
        told.SAID_CORRECTED, told.SUMMARY_CORRECTED, told.WITHDRAWAL_NOTE, told.PROCESS_NOTE_LATER,
        told.ROUND_SUMMARY_LATER, told.SESSION_SUMMARY_LATER, told.TITLE_LATER, told.SOURCE_TITLE_LATER,
        told.DELEGATION_NOTE_LATER, told.ALIAS_LATER, told.RUSSIA_LATER, told.NEWCOMER, "superseded", "withdrawn",
        str(story.statement_correction.uuid), str(story.status_correction.uuid), str(story.attendance.uuid),
    ]  # fmt: skip


def at(path: str, moment: str | None) -> str:
    if moment is None:
        return path
    return f"{path}{'&' if '?' in path else '?'}as_known_on={moment}"


def body(response) -> str:
    """The answer as text; JSON written without spaces, so that a test looks for `"a":"b"`."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)
    return text


def without_moment_in_links(text: str) -> str:
    """The answer with `as_known_on` taken out of every address in it."""
    text = re.sub(r"\?as_known_on=[\w:.-]+(?:&amp;|&)", "?", text)
    return re.sub(r"(?:\?|&amp;|&)as_known_on=[\w:.-]+", "", text)


def without(document: str, names: tuple[str, ...]) -> object:
    """A JSON answer with the values of `names` left out, wherever they are."""

    def strip(value):
        if isinstance(value, dict):
            return {key: strip(inner) for key, inner in value.items() if key not in names}
        if isinstance(value, list):
            return [strip(inner) for inner in value]
        return value

    try:
        return strip(json.loads(document))
    except json.JSONDecodeError:
        return document


@pytest.fixture
def story(as_known_story, db):
    """The module's record, each test's changes to it rolled back after the test."""
    return as_known_story


READS = [
    "processes", "process", "rounds", "round", "sessions", "session", "parties", "party", "people", "person",
    "delegations", "delegation", "memberships", "membership", "attendances", "attendance", "issues", "issue",
    "issue status", "issue status as of", "timeline", "timelinejs", "status matrix", "status matrix csv",
    "statements", "statements csv", "statements found", "statements found after", "statement", "correction",
    "statuses", "status", "positions", "position", "agreements", "agreement", "sources", "source", "popolo",
]  # fmt: skip


def test_every_read_of_the_api_is_read_here(story):
    """Each GET route of the schema, but those that refuse the moment, has its reads above."""
    from tests.api_routes import ROUTES

    assert sorted(reads(story)) == sorted(READS)
    paths = [read.path.split("?")[0] for read in reads(story).values()]
    unread = []
    for route, offered in ROUTES:
        if "GET" not in offered or route.startswith(as_known.REFUSED_PREFIXES):
            continue
        pattern = re.compile("^" + re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(route)) + "$")
        if not any(pattern.match(path) for path in paths):
            unread.append(route)
    assert unread == []


def test_a_stand_in_waits_for_each_record_table_and_many_to_many_table(story):
    stand_ins = as_known.StandIns(connection, datetime.datetime(2026, 2, 19, tzinfo=datetime.UTC))
    records = [model for model in apps.get_models() if hasattr(model, "_record_history")]
    tables = {model._meta.db_table for model in records}
    tables |= {field.remote_field.through._meta.db_table for model in records for field in model._meta.many_to_many}
    # Each record table and many-to-many table waits for its stand-in,
    # and the timelines' empty stand-ins, which a read that builds a timeline fills.
    timelines = {connection.ops.quote_name(table) for table in ("issues_timelineentry", "issues_timelinestate")}
    assert sorted(stand_ins.waiting) == sorted({*(connection.ops.quote_name(table) for table in tables), *timelines})


@pytest.mark.parametrize("name", READS)
def test_a_read_shows_the_record_as_it_stood_before_the_corrections_and_as_it_is_after(
    client, story, name, django_assert_num_queries
):
    read = reads(story)[name]
    # The day before the corrections: the record as it stood then, and nothing of what came later.
    with django_assert_num_queries(made(read.queries)):
        response = client.get(at(read.path, BETWEEN))
    then = body(response)
    assert response.status_code == read.then_status, then
    assert [marker for marker in read.then if marker not in then] == []
    assert [marker for marker in later(story) if marker in then] == []

    # The day after: the record as it is, the same answer as without the moment.
    now, after = client.get(read.path), client.get(at(read.path, AFTER))
    assert now.status_code == after.status_code == 200
    now_body, after_body = body(now), body(after)
    assert [marker for marker in read.now if marker not in now_body] == []
    # (Its links to the site keep the moment, which the answer without it does not name.)
    after_body = without_moment_in_links(after_body)
    assert without(after_body, read.not_compared) == without(now_body, read.not_compared)

    # Before anything was published: nothing.
    response = client.get(at(read.path, BEFORE))
    found = body(response)
    if read.before != "empty":
        assert response.status_code == read.before, found
    elif response["Content-Type"].startswith("text/csv"):
        assert response.status_code == 200
        assert len(found.splitlines()) == 1, found
    else:
        assert response.status_code == 200
        assert json.loads(found)["results"] == []


# --- refused --------------------------------------------------------------------------------------


def refused_values() -> dict[str, tuple[str | list[str], str]]:
    """Each value refused, with a part of the message that says why (a NUL byte is refused
    by the pages before they read the moment, with a message that names it too)."""
    now = timezone.now()
    tomorrow = (now.astimezone(datetime.UTC) + datetime.timedelta(days=1)).date()
    return {
        "garbage": ("last tuesday", r"'last tuesday' is neither a date \(YYYY-MM-DD\) nor a timestamp"),
        "no such day": ("2026-02-30", r"'2026-02-30' is not a date"),
        "tomorrow": (tomorrow.isoformat(), f"{tomorrow.isoformat()} is still to come"),
        "year 9999": ("9999-12-31", "9999-12-31 is still to come"),
        "a timestamp to come": ((now + datetime.timedelta(minutes=5)).isoformat(), "is still to come"),
        "year 9999 west of Greenwich": ("9999-12-31T23:00:00-05:00", "lies outside the years 1 to 9999 once in UTC"),
        "year 1 east of Greenwich": ("0001-01-01T00:00:00+05:00", "lies outside the years 1 to 9999 once in UTC"),
        "before 1900": ("1899-12-31", "before 1900"),
        "a moment before 1900": ("1899-12-31T23:59:59Z", "before 1900"),
        "a date in its basic form": ("20260219", "neither a date"),
        "a week's day": ("2026-W08-4", "neither a date"),
        "two values": (["2026-02-19", "2026-02-18"], "give one moment, not several"),
        "a NUL byte": ("2026-02-19\x00", r"(is neither a date|holds a NUL character)"),
    }


REFUSED = list(refused_values())


def refusal(response) -> str:
    """The message of a refusal: the API's in JSON, the pages' in plain text."""
    if response["Content-Type"].startswith("application/json"):
        messages = response.json()["as_known_on"]
        assert len(messages) == 1
        return f"as_known_on: {messages[0]}"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode()


def written() -> tuple[int, ...]:
    return Change.objects.count(), Statement.objects.count(), Statement.history.count()


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/statements/"])
@pytest.mark.parametrize("name", REFUSED)
def test_a_moment_that_cannot_be_read_or_is_still_to_come_is_refused(client, story, name, path):
    value, why = refused_values()[name]
    before = written()
    response = client.get(path, {"as_known_on": value})
    assert response.status_code == 400
    message = refusal(response)
    assert "as_known_on" in message and re.search(why, message), message
    assert "As-Known-On" not in response
    assert written() == before


@pytest.mark.parametrize("path", ["/api/v1/changes/", "/api/v1/schema/", "/api/v1/docs/", "/entry/", "/entry/new/"])
def test_a_read_that_is_not_of_the_public_record_refuses_the_moment(client, story, path):
    response = client.get(path, {"as_known_on": BETWEEN})
    assert response.status_code == 400
    assert "is not a read of the public record" in refusal(response)


def test_a_write_refuses_the_moment_and_writes_nothing(story, token_api, reviewer):
    api = token_api(reviewer)
    before = written()
    response = api.post(
        f"/api/v1/statements/{story.kept.uuid}/withdraw/?as_known_on={BETWEEN}", {"note": "Wrong."}, format="json"
    )
    assert response.status_code == 400
    assert "only reads show the record as it stood" in refusal(response)
    response = api.patch(f"/api/v1/sources/{story.source.uuid}/?as_known_on={BETWEEN}", {"title": "Other"},
                         format="json")  # fmt: skip
    assert response.status_code == 400
    assert written() == before
    story.kept.refresh_from_db()
    assert story.kept.state == "published"
    # Without the moment, the same write goes through.
    response = api.post(f"/api/v1/statements/{story.kept.uuid}/withdraw/", {"note": "Wrong."}, format="json")
    assert response.status_code == 200


# --- headers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, moment",
    [
        (BETWEEN, "2026-02-19T23:59:59.999999Z"),
        ("2026-02-19T12:30:05.123456Z", "2026-02-19T12:30:05.123456Z"),
        ("2026-02-19T14:30:05+02:00", "2026-02-19T12:30:05.000000Z"),
    ],
)
@pytest.mark.parametrize("path", ["/api/v1/statements/", "/statements/"])
def test_an_answer_as_it_stood_names_its_moment_and_the_record_as_it_is(client, story, path, value, moment):
    response = client.get(path, {"party": "ukraine", "as_known_on": value})
    assert response.status_code == 200
    assert response["As-Known-On"] == moment
    assert response["Link"] == f'<http://testserver{path}?party=ukraine>; rel="latest-version"'
    current = client.get(path, {"party": "ukraine"})
    assert "As-Known-On" not in current
    assert 'rel="latest-version"' not in current.get("Link", "")


def site_links(text: str) -> list[str]:
    """The addresses of this site an answer gives to follow (JSON strings, or Atom's links;
    not a feed's id, which names the feed whatever moment it is read at)."""
    return re.findall(r"http://testserver/[^\"\s<>]*", re.sub(r"<id>[^<]*</id>", "", text))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/issues/{issue}/timeline/",  # each entry's record
        "/api/v1/issues/{issue}/timeline/?format=timelinejs",  # the issue's page and each round's
        "/api/v1/popolo/?process=known-talks",  # each person's, party's and delegation's
        "/issues/{issue}/statements.atom",  # the feed's page and each entry's
        "/processes/known-talks/statuses.atom",
    ],
)
def test_the_links_of_an_answer_as_it_stood_show_the_record_at_that_moment(client, story, path):
    path = path.format(issue=story.issue.slug)
    moment = "as_known_on=2026-02-19T23:59:59.999999Z"
    then = site_links(body(client.get(at(path, BETWEEN))))
    assert then and [link for link in then if moment not in link] == []
    assert [link for link in site_links(body(client.get(path))) if "as_known_on" in link] == []


# --- the connection after --------------------------------------------------------------------------


def temporary_objects() -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT relname FROM pg_class WHERE relpersistence = 't' ORDER BY relname")
        else:
            cursor.execute("SELECT name FROM sqlite_temp_master ORDER BY name")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/statements/",
        "/api/v1/statements/?format=csv",
        "/statements/",
        "/api/v1/issues/known-talks-territory/timeline/",
        "/issues/known-talks-territory/",
    ],
)
def test_after_a_read_as_it_stood_the_connection_reads_the_record_as_it_is(client, story, path):
    assert temporary_objects() == []
    before = written()
    # Found as it stood (streamed, or with a timeline built for the read); then a record made later, not found.
    assert told.SAID in body(client.get(at(path, BETWEEN)))
    assert client.get(at(f"/api/v1/statements/{story.statement_correction.uuid}/", BETWEEN)).status_code == 404
    assert temporary_objects() == []
    assert written() == before
    current = body(client.get(path))
    assert told.SAID_CORRECTED in current
    assert Statement.objects.get(pk=story.statement_correction.pk).text == told.SAID_CORRECTED
    assert client.get(f"/api/v1/statements/{story.statement_correction.uuid}/").status_code == 200


@pytest.mark.parametrize(
    "moment, shown",
    [("2026-02-20T11:59:59.999999Z", told.SAID), ("2026-02-20T12:00:00Z", told.SAID_CORRECTED)],
)
def test_a_change_is_known_from_the_moment_of_its_history(client, story, moment, shown):
    """A moment to the microsecond: the corrections' history rows are dated 12:00 UTC."""
    found = client.get("/api/v1/statements/", {"q": "hold the line", "as_known_on": moment}).json()["results"]
    assert [statement["text"] for statement in found if statement["state"] == "published"] == [shown]


def test_the_first_moment_of_1900_is_the_earliest_and_is_named_as_it_is_taken(client, story):
    response = client.get("/api/v1/statements/", {"as_known_on": "1900-01-01T00:00Z"})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response["As-Known-On"] == "1900-01-01T00:00:00.000000Z"
    # The moment named is one that the parameter takes back.
    assert client.get("/api/v1/statements/", {"as_known_on": response["As-Known-On"]}).status_code == 200


@pytest.mark.postgres
def test_on_postgresql_a_large_stand_in_gets_statistics_from_a_small_sample(client, story, monkeypatch):
    monkeypatch.setattr(as_known, "ANALYSED_FROM", 1)  # the story's few rows count as many
    with CaptureQueriesContext(connection) as queries:
        assert client.get(at("/api/v1/statements/", BETWEEN)).status_code == 200
    run = [query["sql"] for query in queries.captured_queries]
    assert run.count("SET LOCAL default_statistics_target = 10") == 1
    analysed = [sql.split(" (")[0] for sql in run if sql.startswith("ANALYZE")]
    assert 'ANALYZE "issues_statement"' in analysed
    # Long texts are left out of the statistics.
    assert '"text"' not in next(sql for sql in run if sql.startswith('ANALYZE "issues_statement"'))
