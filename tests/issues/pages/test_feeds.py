"""Atom feeds of statements and status changes, per process and per agenda issue: the public record only."""

import datetime
import html
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags

from issues.pages import feeds
from issues.services import correction_start, draft_publish, issue_status_save, record_withdraw
from negotrack.groups import REVIEWERS
from rounds.dates import DatePrecision
from tests.conftest import _user
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["process-statements", "process-statuses", "issue-statements", "issue-statuses"]
by_feed = pytest.mark.parametrize("feed", FEEDS)


def day(n: int) -> datetime.date:
    return datetime.date(2025, 1, 1) + datetime.timedelta(days=n)


def feed_path(feed: str, process, issue) -> str:
    scope, kind = feed.split("-")
    if scope == "process":
        return f"/processes/{process.slug}/{kind}.atom"
    return f"/issues/{issue.slug}/{kind}.atom"


def read(client, path: str) -> list[dict]:
    """The feed's entries, in its order, each reduced to what a reader shows."""
    response = client.get(path)
    assert response.status_code == 200, response.content
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def ids(client, path: str) -> list[str]:
    return [entry["id"] for entry in read(client, path)]


def urn(record) -> str:
    return f"urn:uuid:{record.uuid}"


def text_of(summary: str) -> str:
    """What a feed reader shows of an HTML summary."""
    return html.unescape(strip_tags(summary))


def statement(process, **fields):
    return StatementFactory(process=process, publish=True, **fields)


def status(issue, on: datetime.date, value="discussed", **fields):
    """A published assessment between rounds, on `on`."""
    return IssueStatusFactory(issue=issue, round=None, date=on, status=value, publish=True, **fields)


@pytest.fixture
def process():
    return ProcessFactory(slug="russia-ukraine", name="Russia–Ukraine peace talks")


@pytest.fixture
def issue(process):
    return IssueFactory(process=process, topic="territory", name="Territory")


# --- what each feed lists --------------------------------------------------------------------


def test_the_process_statement_feed_lists_every_statement_of_the_process_and_none_of_another(client, process, issue):
    on_issue = statement(process, issues=[issue])
    unlinked = statement(process, round=None, date=day(3))
    statement(ProcessFactory())

    assert ids(client, "/processes/russia-ukraine/statements.atom") == [urn(unlinked), urn(on_issue)]


def test_the_issue_statement_feed_lists_only_the_statements_on_that_issue(client, process, issue):
    other_issue = IssueFactory(process=process)
    on_both = statement(process, issues=[issue, other_issue])
    on_issue = statement(process, issues=[issue])
    statement(process, issues=[other_issue])
    statement(process)

    assert ids(client, "/issues/russia-ukraine-territory/statements.atom") == [urn(on_issue), urn(on_both)]


def test_the_process_status_feed_lists_the_assessments_of_every_issue_of_the_process(client, process, issue):
    first = status(issue, day(1))
    other = status(IssueFactory(process=process), day(2))
    status(IssueFactory(process=ProcessFactory()), day(3))

    assert ids(client, "/processes/russia-ukraine/statuses.atom") == [urn(other), urn(first)]


def test_the_issue_status_feed_lists_only_that_issue_s_assessments(client, process, issue):
    first = status(issue, day(1))
    second = status(issue, day(2), "progress")
    status(IssueFactory(process=process), day(3))

    assert ids(client, "/issues/russia-ukraine-territory/statuses.atom") == [urn(second), urn(first)]


@by_feed
def test_drafts_never_appear_in_a_feed(client, process, issue, reviewer, feed):
    published = [statement(process, issues=[issue]), status(issue, day(1))]
    StatementFactory(process=process, issues=[issue])
    IssueStatusFactory(issue=issue, round=None, date=day(2))
    for record in published:
        correction_start(record, by=reviewer)  # a draft correction stays out too

    listed = ids(client, feed_path(feed, process, issue))

    expected = published[0] if feed.endswith("statements") else published[1]
    assert listed == [urn(expected)]


@by_feed
def test_an_unknown_slug_answers_404(client, process, issue, feed):
    nowhere = SimpleNamespace(slug="nowhere")
    assert client.get(feed_path(feed, nowhere, nowhere)).status_code == 404


def test_a_feed_holds_the_latest_records_newest_first(client, process, monkeypatch):
    assert feeds.LATEST == 50
    monkeypatch.setattr(feeds, "LATEST", 3)
    made = [statement(process, round=None, date=day(n)) for n in range(5)]

    assert ids(client, "/processes/russia-ukraine/statements.atom") == [urn(record) for record in made[:1:-1]]


# --- what an entry says ----------------------------------------------------------------------


def test_a_statement_entry_names_speaker_party_and_text_with_date_round_and_sources(client, process, issue):
    talk_round = RoundFactory(process=process, city="Geneva")
    said = statement(
        process,
        round=talk_round,
        speaker=PersonFactory(name="Rustem Umerov"),
        party=PartyFactory(name="Ukraine"),
        language="uk",
        text="Є прогрес, але деталі поки що не можна розголошувати, бо переговори тривають і далі. Ще більше.",
        translation="There is progress, but no details can be disclosed yet.",
        sources=[SourceFactory(outlet="Reuters", title="Talks end in Geneva", url="https://example.org/geneva")],
    )

    [entry] = read(client, "/processes/russia-ukraine/statements.atom")

    assert entry["title"].startswith("Rustem Umerov (Ukraine): Є прогрес, але деталі")
    assert entry["title"].endswith("…") and len(entry["title"]) <= len("Rustem Umerov (Ukraine): ") + 80
    shown = text_of(entry["summary"])
    assert said.text in shown and said.translation in shown
    assert "Reported date: 18 Feb 2026" in shown
    assert f"Round: {talk_round}" in shown
    assert "Reuters: Talks end in Geneva" in shown
    assert '<a href="https://example.org/geneva">' in entry["summary"]
    assert entry["id"] == urn(said)
    assert entry["link"] == f"http://testserver/rounds/{talk_round.slug}/"
    assert entry["published"] == said.published_at.isoformat()
    assert entry["updated"] == said.updated_at.isoformat()


def test_a_statement_between_rounds_links_to_its_process_and_reads_its_vague_date(client, process):
    said = statement(
        process,
        round=None,
        speaker=None,
        speaker_description="a senior Russian official",
        date=datetime.date(2026, 2, 16),
        date_precision=DatePrecision.WEEK,
    )

    [entry] = read(client, "/processes/russia-ukraine/statements.atom")

    assert entry["title"] == f"a senior Russian official: {said.text}"
    assert "Reported date: week of 16 Feb 2026" in text_of(entry["summary"])
    assert entry["link"] == "http://testserver/processes/russia-ukraine/"


def test_a_status_entry_names_its_change_from_the_previous_published_assessment(client, process, issue):
    talk_round = RoundFactory(process=process, start_date=day(10), end_date=day(11))
    first = status(issue, day(1), "discussed", summary="Both sides set out their claims.")
    status(issue, day(2), "progress")
    IssueStatusFactory(issue=issue, round=None, date=day(3), status="agreed")  # a draft compares with nothing
    worse = IssueStatusFactory(issue=issue, round=talk_round, status="stalled", publish=True)
    status(issue, day(20), "stalled")

    entries = read(client, "/issues/russia-ukraine-territory/statuses.atom")

    assert [entry["title"] for entry in entries] == [
        "Territory: stalled (unchanged)",
        "Territory: stalled (worse, was progress)",
        "Territory: progress (improved, was discussed)",
        "Territory: discussed (first assessment)",
    ]
    assert entries[1]["link"] == f"http://testserver/rounds/{talk_round.slug}/"
    assert entries[1]["id"] == urn(worse)
    assert entries[3]["link"] == "http://testserver/issues/russia-ukraine-territory/"
    shown = text_of(entries[3]["summary"])
    assert "Both sides set out their claims." in shown
    assert "As of 2 Jan 2025" in shown
    assert first.sources.get().outlet in shown


def test_a_withdrawn_statement_appears_as_a_notice_with_its_correction_note(client, process, issue, reviewer):
    said = statement(process, issues=[issue], speaker=PersonFactory(name="Steve Witkoff"), text="We are close.")
    record_withdraw(
        said, by=reviewer, note="Misattributed: another official said it.", on_date=datetime.date(2026, 2, 20)
    )

    for path in ("/processes/russia-ukraine/statements.atom", "/issues/russia-ukraine-territory/statements.atom"):
        [entry] = read(client, path)
        assert entry["id"] == urn(said)
        assert entry["title"] == "Withdrawn on 20 Feb 2026: Steve Witkoff"
        assert "Misattributed: another official said it." in text_of(entry["summary"])
        assert "We are close." not in text_of(entry["summary"])


def test_a_superseded_status_appears_as_a_correction_notice_beside_its_correction(client, process, issue, reviewer):
    original = status(issue, day(1), "agreed")
    correction = correction_start(original, by=reviewer)
    correction.status = "progress"
    issue_status_save(correction, by=reviewer)
    draft_publish(correction, by=reviewer)

    for path in ("/processes/russia-ukraine/statuses.atom", "/issues/russia-ukraine-territory/statuses.atom"):
        entries = read(client, path)
        assert [entry["id"] for entry in entries] == [urn(correction), urn(original)]
        today = timezone.localdate()
        assert entries[0]["title"] == "Territory: progress (first assessment)"
        assert entries[1]["title"] == f"Corrected on {today.day} {today:%b %Y}: Territory: agreed (first assessment)"
        assert "a correction replaced this record" in text_of(entries[1]["summary"])


def test_a_withdrawal_brings_its_notice_to_the_top_of_the_feed(client, process, reviewer):
    older = statement(process, round=None, date=day(1))
    newer = statement(process, round=None, date=day(2))
    record_withdraw(older, by=reviewer, note="Never said.")

    assert ids(client, "/processes/russia-ukraine/statements.atom") == [urn(older), urn(newer)]


@by_feed
def test_every_entry_links_to_a_page_that_exists(client, process, issue, feed):
    statement(process, issues=[issue])
    statement(process, round=None, date=day(1), issues=[issue])
    status(issue, day(1))
    IssueStatusFactory(issue=issue, publish=True)

    entries = read(client, feed_path(feed, process, issue))

    assert entries
    for entry in entries:
        assert client.get(entry["link"]).status_code == 200, entry["link"]


# --- safe and well-formed --------------------------------------------------------------------


MARKUP = 'Talks <script>alert(1)</script> & <img src=x onerror=alert(1)> "ended"'


def test_markup_in_a_statement_reaches_a_reader_as_text_never_as_markup(client, process, issue):
    StatementFactory(
        process=process,
        issues=[issue],
        speaker=None,
        speaker_description="an official <script>alert(2)</script>",
        text=MARKUP,
        sources=[SourceFactory(outlet="<b>Outlet</b>", title="<script>alert(3)</script>")],
        publish=True,
    )

    for path in ("/processes/russia-ukraine/statements.atom", "/issues/russia-ukraine-territory/statements.atom"):
        body = client.get(path).content
        assert b"<script" not in body and b"<img" not in body and b"<b>" not in body
        [entry] = read(client, path)
        # The title is Atom text: it reads exactly as written.
        assert entry["title"] == f"an official <script>alert(2)</script>: {MARKUP}"
        # The summary is Atom HTML: what was said is escaped in it, and reads back as written.
        assert "<script" not in entry["summary"] and "<img" not in entry["summary"]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entry["summary"]
        assert MARKUP in text_of(entry["summary"])
        assert "<b>Outlet</b>: <script>alert(3)</script>" in text_of(entry["summary"])


def test_markup_in_a_status_summary_is_escaped(client, process, issue):
    status(issue, day(1), summary=MARKUP)

    body = client.get("/issues/russia-ukraine-territory/statuses.atom").content
    assert b"<script" not in body
    [entry] = read(client, "/issues/russia-ukraine-territory/statuses.atom")
    assert "<script" not in entry["summary"]
    assert MARKUP in text_of(entry["summary"])


@by_feed
def test_a_feed_is_atom_xml_that_readers_fetch_afresh(client, process, issue, feed):
    statement(process, issues=[issue])
    status(issue, day(1))

    response = client.get(feed_path(feed, process, issue))

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert re.search(rb'<feed [^>]*xmlns="http://www.w3.org/2005/Atom"', response.content)
    own_url = f"http://testserver{feed_path(feed, process, issue)}"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == own_url
    assert root.findtext(f"{ATOM}id") == own_url
    assert len(root.findall(f"{ATOM}entry")) == 1


# --- a fixed number of queries ---------------------------------------------------------------


def fill(process, issue, reviewer, count: int, start: int) -> None:
    """`count` statements and assessments of every kind: at a round and between rounds, by
    named and unnamed speakers, with several sources, some withdrawn."""
    party = PartyFactory()
    for n in range(start, start + count):
        talk_round = RoundFactory(process=process, start_date=day(n), end_date=day(n)) if n % 2 else None
        via = SourceFactory() if n % 3 == 0 else None
        sources = [SourceFactory(via=via), SourceFactory(url=f"https://example.org/{n}")]
        speaker = {"speaker": None, "speaker_description": "an official"} if n % 2 else {}
        said = statement(process, round=talk_round, date=day(n), party=party, issues=[issue], sources=sources,
                         translation="A translation.", **speaker)  # fmt: skip
        dating = {"round": talk_round} if talk_round else {"round": None, "date": day(n)}
        assessed = IssueStatusFactory(issue=issue, status="progress" if n % 2 else "stalled", sources=sources,
                                      publish=True, **dating)  # fmt: skip
        if n % 5 == 0:
            record_withdraw(said, by=reviewer, note="Misread.")
            record_withdraw(assessed, by=reviewer, note="Misread.")


def counted_read(client, path: str) -> tuple[int, int]:
    """How many entries the feed at `path` lists, and how many queries it took."""
    with CaptureQueriesContext(connection) as captured:
        entries = len(read(client, path))
    return entries, len(captured)


@pytest.fixture(scope="class")
def feeds_counted(django_db_setup, django_db_blocker):
    """Every feed read over 2 records of each kind, then over 30: made once for the class
    that reads them, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        client, reviewer = Client(), _user("feed-reviewer", groups=[REVIEWERS])
        process = ProcessFactory(slug="russia-ukraine", name="Russia–Ukraine peace talks")
        issue = IssueFactory(process=process, topic="territory", name="Territory")
        paths = {feed: feed_path(feed, process, issue) for feed in FEEDS}
        fill(process, issue, reviewer, 2, start=0)
        few = {feed: counted_read(client, path) for feed, path in paths.items()}
        fill(process, issue, reviewer, 28, start=2)
        many = {feed: counted_read(client, path) for feed, path in paths.items()}
        yield few, many
        transaction.set_rollback(True)


class TestEveryFeedRunsAFixedNumberOfQueries:
    @by_feed
    def test_a_feed_runs_as_many_queries_for_30_records_as_for_2(self, feeds_counted, feed):
        few, many = feeds_counted
        assert few[feed] == (2, 3)
        assert many[feed] == (30, 3)
