"""An issue's timeline in TimelineJS's data format (`?format=timelinejs`): valid for
TimelineJS by a JSON Schema written from its documentation (timelinejs.schema.json beside
this file), every date as precise as its entry, every text escaped, and the API's rules
(conditional reads, the rate limit, the public record only) as for the JSON answer."""

import datetime
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import AnonRateThrottle

from issues import services
from issues.api.timelinejs import followable, sources_html
from issues.timelines import rebuild
from negotrack.groups import system_user
from tests.factories import (
    AgreementFactory,
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.negotrack.test_api_schema import _schema as openapi_schema

SCHEMA = json.loads((Path(__file__).parent / "timelinejs.schema.json").read_text())
ISSUE_NAME = 'Ceasefire <monitoring> & "verification"'
SCRIPT = "<script>alert('taken')</script> We will not move."


@pytest.fixture(scope="module")
def module_story(django_db_setup, django_db_blocker):
    """One issue's timeline with every kind of entry, dates to the day, the week and the
    month, a correction notice and a draft, built once for the module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        process = ProcessFactory()
        issue = IssueFactory(process=process, name=ISSUE_NAME, description="Who watches the line.\n\nAnd how.")
        geneva = RoundFactory(process=process, city="Geneva")
        reuters = SourceFactory(outlet="Reuters", title='Talks "constructive"', url="https://example.org/r?a=1&b=2")
        archive = SourceFactory(outlet="Archive", title="Minutes", url="ftp://files.example.org/minutes.txt")
        unlinked = SourceFactory(outlet="A diplomat", title="", url="")
        IssueStatusFactory(issue=issue, round=geneva, status="stalled", sources=[reuters], publish=True)
        IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 2), status="progress", publish=True)
        party = PartyFactory(name="Ukraine")
        for stance, day in (("monitors first", datetime.date(2026, 1, 1)), ("monitors now", datetime.date(2026, 4, 1))):
            PositionFactory(issue=issue, party=party, round=None, date=day, date_precision="month", stance=stance,
                            publish=True)  # fmt: skip
        StatementFactory(process=process, round=None, date=datetime.date(2026, 2, 2), date_precision="week",
                         issues=[issue], text=SCRIPT, sources=[reuters, archive, unlinked], publish=True)  # fmt: skip
        AgreementFactory(process=process, round=geneva, issues=[issue], title="Joint monitoring", publish=True)
        withdrawn = StatementFactory(process=process, round=geneva, issues=[issue], text="Said in error.", publish=True)
        services.record_withdraw(withdrawn, by=system_user(), note="Misattributed <em>by us</em>.")
        StatementFactory(process=process, round=geneva, issues=[issue], text="A draft no reader may see.")
        rebuild.rebuild_issue(issue.pk)
        yield issue
        transaction.set_rollback(True)


@pytest.fixture
def story(module_story, db):
    """The module's issue, each test's changes to it rolled back after the test."""
    return module_story


def timelinejs(client, issue, **headers):
    return client.get(f"/api/v1/issues/{issue.slug}/timeline/?format=timelinejs", headers=headers)


def events_by_id(document) -> dict:
    return {event["unique_id"]: event for event in document["events"]}


def test_the_answer_is_a_timeline_as_timelinejs_reads_it(client, story):
    response = timelinejs(client, story)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    # The same entries as the JSON answer, in its order, each under its key.
    entries = client.get(f"/api/v1/issues/{story.slug}/timeline/").json()["entries"]
    assert len(entries) == 7  # the withdrawn statement shows as its notice only
    assert [event["unique_id"] for event in document["events"]] == [
        entry["key"].replace("_", "-").replace(":", "-") for entry in entries
    ]
    assert [event["group"] for event in document["events"]] == [
        "Positions", "Statements", "Status", "Agreements", "Corrections", "Status", "Positions",
    ]  # fmt: skip
    assert document["title"]["unique_id"] == f"issue-{story.slug}"
    assert document["title"]["text"]["headline"] == "Ceasefire &lt;monitoring&gt; &amp; &quot;verification&quot;"
    assert document["title"]["text"]["text"].startswith("<p>Who watches the line.</p>\n\n<p>And how.</p>")
    assert f'href="http://testserver/issues/{story.slug}/"' in document["title"]["text"]["text"]


def test_the_schema_refuses_what_timelinejs_cannot_read(client, story):
    """The schema is not a formality: it catches a date without its year, a day without its
    month, and a property TimelineJS does not know."""
    document = timelinejs(client, story).json()
    validator = jsonschema.Draft202012Validator(SCHEMA)
    event = document["events"][0]
    for broken in (
        {**document, "events": [{**event, "start_date": {"month": 1}}]},
        {**document, "events": [{**event, "start_date": {"year": 2026, "day": 2}}]},
        {**document, "events": [{**event, "headline": "misplaced"}]},
        {**document, "events": [{key: value for key, value in event.items() if key != "start_date"}]},
    ):
        assert not validator.is_valid(broken)


def test_each_date_is_as_precise_as_its_entry(client, story):
    dates = [event["start_date"] for event in timelinejs(client, story).json()["events"]]
    month, week, day = dates[0], dates[1], dates[2]
    assert month == {"year": 2026, "month": 1, "display_date": "January 2026"}
    assert week == {"year": 2026, "month": 2, "day": 2, "display_date": "week of 2 Feb 2026"}
    assert day == {"year": 2026, "month": 2, "day": 18, "display_date": "18 Feb 2026"}


class _Markup(HTMLParser):
    """Every tag and link of a piece of HTML, and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: set[str] = set()
        self.links: list[str] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.links += [value for name, value in attrs if name == "href"]

    def handle_data(self, data):
        self.text += data


def test_every_text_is_escaped_and_only_http_sources_are_links(client, story):
    document = timelinejs(client, story).json()
    statement = next(event for event in document["events"] if event["group"] == "Statements")
    text = _Markup(statement["text"]["text"])
    assert SCRIPT in text.text  # shown as words, not run
    assert "<script" not in statement["text"]["text"]
    reuters = '<a href="https://example.org/r?a=1&amp;b=2">Reuters: Talks &quot;constructive&quot;</a>'
    assert reuters in statement["text"]["text"]
    assert "; Archive: Minutes; A diplomat</p>" in statement["text"]["text"]  # ftp and no URL: not links
    markup = [_Markup(event["text"][part]) for event in document["events"] for part in ("headline", "text")]
    assert set().union(*(piece.tags for piece in markup)) == {"p", "a"}
    assert all(link.startswith(("https://", "http://")) for piece in markup for link in piece.links)
    assert {event["autolink"] for event in document["events"]} == {False}


def test_a_correction_shows_as_its_notice(client, story):
    (notice,) = [event for event in timelinejs(client, story).json()["events"] if event["group"] == "Corrections"]
    assert notice["text"]["headline"].startswith("Withdrawn on ")
    assert notice["text"]["text"].startswith("<p>Misattributed &lt;em&gt;by us&lt;/em&gt;.</p>")
    assert 'Round: <a href="http://testserver/rounds/' in notice["text"]["text"]


def test_a_position_change_says_the_stance_before(client, story):
    positions = [event for event in timelinejs(client, story).json()["events"] if event["group"] == "Positions"]
    assert "Before:" not in positions[0]["text"]["text"]
    assert "<p>Before: monitors first</p>" in positions[1]["text"]["text"]


def test_a_repeat_read_answers_304_under_an_etag_of_its_own(client, story):
    first = timelinejs(client, story)
    assert first["ETag"] != client.get(f"/api/v1/issues/{story.slug}/timeline/")["ETag"]
    again = timelinejs(client, story, **{"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    rebuild.mark([story.pk])  # the timeline no longer current: a new answer
    marked = timelinejs(client, story, **{"if-none-match": first["ETag"]})
    assert marked.status_code == 200
    assert "being brought up to date" in marked.json()["title"]["text"]["text"]


def test_an_unknown_issue_answers_404_in_json(client, db):
    response = client.get("/api/v1/issues/no-such-issue/timeline/?format=timelinejs")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No Issue matches the given query."}


def test_drafts_stay_out_even_for_an_editor_who_asks_for_them(token_api, editor, client, story):
    public = timelinejs(client, story).json()
    asked = token_api(editor).get(f"/api/v1/issues/{story.slug}/timeline/?format=timelinejs&include=drafts")
    assert asked.status_code == 200
    assert asked.json() == public
    assert "A draft no reader may see" not in asked.content.decode()


def test_anonymous_readers_are_limited_as_on_every_read(client, story, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})
    assert [timelinejs(client, story).status_code for _ in range(2)] == [200, 200]
    refused = timelinejs(client, story)
    assert refused.status_code == 429
    assert set(refused.json()) == {"detail", "retry_after"}


def test_it_runs_as_many_queries_for_many_entries_as_for_few(client, story):
    def counted() -> int:
        with CaptureQueriesContext(connection) as reading:
            assert timelinejs(client, story).status_code == 200
        return len(reading)

    few = counted()
    geneva = story.timeline_entries.exclude(round=None).first().round
    for n in range(12):
        StatementFactory(process=story.process, round=geneva if n % 2 else None, issues=[story], publish=True,
                         date=datetime.date(2026, 2, 1 + n))  # fmt: skip
    rebuild.rebuild_issue(story.pk)
    assert story.timeline_entries.count() == 19
    assert counted() == few


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<b>hi</b>", "//elsewhere.example/x", "/rounds/x/", "mailto:a@b.example",
     "http://[unbalanced/", "ftp://files.example.org/x", ""],
)  # fmt: skip
def test_a_source_url_is_a_link_only_when_it_is_absolute_http_or_https(url):
    assert not followable(url)
    shown = sources_html([{"outlet": "Outlet", "title": "<i>T</i>", "url": url}])
    assert shown == "Outlet: &lt;i&gt;T&lt;/i&gt;"
    assert followable("HTTPS://example.org/a") and followable("http://example.org")


def test_the_schema_documents_the_format():
    schema = openapi_schema()  # made once for the schema's own tests and these
    operation = schema["paths"]["/api/v1/issues/{slug}/timeline/"]["get"]
    (format_parameter,) = [p for p in operation["parameters"] if p["name"] == "format"]
    assert format_parameter["schema"]["enum"] == ["", "json", "timelinejs"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/TimelineAnswer"}
    assert schema["components"]["schemas"]["TimelineAnswer"]["oneOf"] == [
        {"$ref": "#/components/schemas/Timeline"},
        {"$ref": "#/components/schemas/TimelineJS"},
    ]
    document = schema["components"]["schemas"]["TimelineJS"]
    assert set(document["required"]) == {"title", "events", "scale"}
    date = schema["components"]["schemas"]["TimelineJSDate"]
    assert set(date["required"]) == {"year", "display_date"}
