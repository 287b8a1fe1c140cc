"""changes/: every change to the record since a cursor, oldest first, each exactly once."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from issues import services as issue_services
from issues.models import Statement, StatementIssue
from negotrack.bulk import create_records
from negotrack.changes.cursor import FeedCursor
from negotrack.groups import system_user
from negotrack.models import Change
from negotrack.records import Record
from negotrack.registry import feed_kinds
from rounds import services as round_services
from rounds.models import Source
from tests.factories import (
    IssueFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)
from tests.feed import FEED_DB, URL, follow, read, settle, summary

pytestmark = FEED_DB

HOST = "http://testserver"


def draft_statement(**fields):
    process = fields.pop("process", None) or ProcessFactory()
    return StatementFactory(process=process, round=None, **fields)


# --- what an event says ---------------------------------------------------------------------


def test_a_created_record_reads_as_a_create_event_with_its_api_url(client):
    source = SourceFactory(outlet="Reuters")
    process = ProcessFactory(slug="ru-ua")
    (created_source, created_process), _ = follow(client)
    change = Change.objects.get(record_uuid=source.uuid)
    assert created_source == {
        "cursor": f"{change.txid}.{change.id}",
        "occurred_at": created_source["occurred_at"],
        "action": "create",
        "event": "create",
        "type": "sources",
        "uuid": str(source.uuid),
        "version": 1,
        "changed_fields": change.changed_fields,
        "refs": {},
        "url": f"{HOST}/api/v1/sources/{source.uuid}/",
    }
    assert "outlet" in created_source["changed_fields"]
    assert (created_process["type"], created_process["url"]) == ("processes", f"{HOST}/api/v1/processes/ru-ua/")
    assert created_process["uuid"] == str(process.uuid)


def test_an_update_reads_with_its_version_and_the_fields_that_changed(client):
    source = SourceFactory(title="first")
    _, since = follow(client)
    source.title = "second"
    round_services.source_save(source, by=system_user())
    (event,), _ = follow(client, since)
    assert (event["action"], event["event"], event["version"], event["changed_fields"]) == (
        "update",
        "update",
        2,
        ["title"],
    )


def test_a_delete_reads_as_a_delete_without_a_url_and_earlier_events_lose_theirs(client):
    talk_round = RoundFactory()
    round_services.round_delete(talk_round, by=system_user())
    events, _ = follow(client)
    of_round = [event for event in events if event["uuid"] == str(talk_round.uuid)]
    assert summary(of_round) == [("rounds", "create", "create"), ("rounds", "delete", "delete")]
    assert [event["url"] for event in of_round] == [None, None]


def test_every_kind_of_record_has_a_stable_feed_name_and_a_route_that_exists():
    record_models = {m._meta.label_lower for m in apps.get_models() if issubclass(m, Record)}
    # Besides the records: "timeline rebuilt", one event per rebuild that changed a timeline.
    kinds = feed_kinds()
    assert set(kinds) == record_models | {"issues.timeline"}
    for kind in kinds.values():
        if kind.route:
            reverse(f"{kind.route}-{kind.view}", kwargs={kind.lookup: "x"})


# --- publication as the public sees it ----------------------------------------------------------


def test_the_public_sees_publishing_as_a_create_and_withdrawing_as_a_delete(client):
    statement = draft_statement()
    _, since = follow(client)
    issue_services.draft_publish(statement, by=system_user())
    issue_services.record_withdraw(statement, by=system_user(), note="misattributed")
    events, _ = follow(client, since)
    assert summary(events) == [("statements", "create", "publish"), ("statements", "delete", "withdraw")]
    assert events[0]["url"] == f"{HOST}/api/v1/statements/{statement.uuid}/"


def test_a_correction_reads_to_the_public_as_a_new_record_and_an_update_of_the_old(client):
    statement = draft_statement(publish=True)
    _, since = follow(client)
    correction = issue_services.correction_start(statement, by=system_user())
    issue_services.draft_publish(correction, by=system_user())
    events, _ = follow(client, since)
    assert [(event["uuid"], event["action"], event["event"]) for event in events] == [
        (str(statement.uuid), "update", "supersede"),
        (str(correction.uuid), "create", "publish"),
    ]


def test_the_public_never_sees_drafts_their_issue_links_send_backs_or_a_deleted_draft(client):
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    _, since = follow(client)
    statement = draft_statement(process=process, issues=[issue])
    issue_services.draft_send_back(statement, by=system_user(), note="name the source")
    statement.refresh_from_db()
    statement.text = "Changed after review."
    issue_services.statement_save(statement, by=system_user(), issues=[])
    issue_services.draft_delete(statement, by=system_user())
    assert Change.objects.filter(record_type="issues.statementissue").count() == 2
    events, _ = follow(client, since)
    assert {event["type"] for event in events} == {"people", "sources"}  # made for the statement


def test_editors_asking_for_drafts_see_everything_and_publication_steps_read_as_updates(client, editor):
    client.force_login(editor)
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    _, since = follow(client, include="drafts")
    statement = draft_statement(process=process, issues=[issue])
    issue_services.draft_send_back(statement, by=system_user(), note="name the source")
    statement.refresh_from_db()
    statement.translation = "Named: Reuters."  # an editor answers the note: it may now be published
    issue_services.statement_save(statement, by=system_user(), issues=[issue], sources=list(statement.sources.all()))
    issue_services.draft_publish(statement, by=system_user())
    issue_services.record_withdraw(statement, by=system_user(), note="misattributed")
    other = draft_statement(process=process)
    issue_services.draft_delete(other, by=system_user())
    events, _ = follow(client, since, include="drafts")
    events = [event for event in events if event["type"] in ("statements", "statement_issue_links")]
    assert summary(events) == [
        ("statements", "create", "create"),
        ("statement_issue_links", "create", "create"),
        ("statements", "update", "send_back"),
        ("statements", "update", "update"),
        ("statements", "update", "publish"),
        ("statements", "update", "withdraw"),
        ("statements", "create", "create"),
        ("statements", "delete", "delete"),
    ]
    assert events[0]["url"] == f"{HOST}/api/v1/statements/{statement.uuid}/?include=drafts"
    assert events[-1]["url"] is None


@pytest.mark.parametrize("persona", ["outsider", "analyst", None])
def test_anyone_outside_the_editorial_groups_asking_for_drafts_gets_the_public_feed(client, persona, request):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    published = draft_statement(publish=True)
    draft_statement()
    events, _ = follow(client, include="drafts")
    statements = [event for event in events if event["type"] == "statements"]
    assert [(event["uuid"], event["action"]) for event in statements] == [(str(published.uuid), "create")]


# --- statement–issue links ----------------------------------------------------------------------


def test_issue_links_read_with_the_statement_and_issue_they_join_also_once_deleted(client, editor):
    client.force_login(editor)
    process = ProcessFactory()
    first, second = IssueFactory(process=process, topic="ceasefire"), IssueFactory(process=process)
    statement = draft_statement(process=process, issues=[first])
    link = StatementIssue.objects.get(statement=statement)
    _, since = follow(client, include="drafts")
    issue_services.statement_link_issues(statement, issues=[second], by=system_user())
    events, _ = follow(client, since, include="drafts")
    assert [(event["action"], event["refs"]["issue"]) for event in events] == [
        ("delete", first.slug),
        ("create", second.slug),
    ]
    assert events[0]["uuid"] == str(link.uuid)
    assert {event["refs"]["statement"] for event in events} == {str(statement.uuid)}
    assert {event["type"] for event in events} == {"statement_issue_links"}
    assert [event["url"] for event in events] == [None, None]


def test_an_issue_link_is_logged_with_the_state_of_its_statement_also_when_its_statement_goes():
    process = ProcessFactory()
    statement = draft_statement(process=process, issues=[IssueFactory(process=process)])
    issue_services.draft_delete(statement, by=system_user())
    rows = Change.objects.filter(record_type="issues.statementissue").values_list("action", "publication_state")
    assert sorted(rows) == [("create", "draft"), ("delete", "draft")]


def test_the_bulk_path_logs_issue_links_as_the_single_path_does_without_a_query_per_link():
    by = system_user()
    process = ProcessFactory()
    issue, person = IssueFactory(process=process), PersonFactory()

    def statement():
        return Statement(process=process, speaker=person, date=datetime.date(2026, 2, 18), text="We are ready.")

    single = issue_services.statement_save(statement(), by=by, issues=[issue])
    (bulk,) = create_records(Statement, [statement()], by=by)
    create_records(StatementIssue, [StatementIssue(statement=bulk, issue=issue)], by=by)

    def link_row(of):
        link = StatementIssue.objects.get(statement=of)
        return Change.objects.filter(record_uuid=link.uuid).values("action", "publication_state", "refs").get()

    assert link_row(bulk) == link_row(single) | {"refs": {"statement": str(bulk.uuid), "issue": issue.slug}}
    assert link_row(single)["publication_state"] == "draft"

    def queries_for(count):
        statements = create_records(Statement, [statement() for _ in range(count)], by=by)
        # Links as an importer makes them, from ids: the bulk path loads the statements
        # and issues set-wise.
        links = [StatementIssue(statement_id=s.pk, issue_id=issue.pk) for s in statements]
        with CaptureQueriesContext(connection) as captured:
            create_records(StatementIssue, links, by=by)
        return len(captured)

    assert queries_for(3) == queries_for(30)


# --- the cursor ---------------------------------------------------------------------------------


def test_following_the_cursor_in_small_pages_sees_every_change_once_in_order(client):
    for n in range(6):
        SourceFactory(title=f"report {n}")
        draft_statement(publish=n % 2 == 0)
    everything, _ = follow(client)
    pages, since, seen = 0, None, []
    while True:
        page = read(client, since, limit=4)
        assert len(page["results"]) <= 4
        seen += page["results"]
        pages += 1
        if page["results"]:
            assert page["next"] == page["results"][-1]["cursor"]
        since = page["next"]
        if not page["has_more"]:
            break
    assert seen == everything and pages > 3
    cursors = [FeedCursor.parse(event["cursor"]) for event in seen]
    assert cursors == sorted(set(cursors))
    public = Change.objects.exclude(publication_state="draft").exclude(action="send_back")
    assert {event["cursor"] for event in seen} == {f"{row.txid}.{row.id}" for row in public}


def test_polling_with_next_answers_nothing_new_then_exactly_the_new_change(client):
    SourceFactory()
    _, since = follow(client)
    assert read(client, since) == {"results": [], "next": since, "has_more": False}
    source = SourceFactory()
    (event,), following = follow(client, since)
    assert event["uuid"] == str(source.uuid) and following == event["cursor"]


def test_an_empty_feed_gives_a_cursor_to_poll_with(client):
    page = read(client)
    assert page == {"results": [], "next": "0.0", "has_more": False}
    source = SourceFactory()
    (event,), _ = follow(client, page["next"])
    assert event["uuid"] == str(source.uuid)


def test_the_writing_transaction_numbers_its_changes(client):
    statement = draft_statement(publish=True)
    txids = list(Change.objects.filter(record_uuid=statement.uuid).values_list("txid", flat=True))
    if connection.vendor == "postgresql":
        assert len(txids) == 2 and 0 < txids[0] < txids[1]
    else:
        assert txids == [0, 0]


@pytest.mark.parametrize("since", ["abc", "1", "1.2.3", "-1.5", "1.", ".1", "1.5x", "１.５", ""])
def test_a_malformed_cursor_answers_400_naming_since(client, since):
    response = client.get(URL, {"since": since})
    assert response.status_code == 400
    assert list(response.json()) == ["since"]


@pytest.mark.parametrize("limit", ["ten", "0", "-3", "1.5", "201", "1000", "", "null"])
def test_a_limit_that_is_not_from_1_to_200_answers_400_saying_so(client, limit):
    response = client.get(URL, {"limit": limit})
    assert response.status_code == 400
    assert response.json() == {"limit": [f"{limit!r} is not a whole number from 1 to 200."]}


def test_a_limit_reads_up_to_200_changes_and_100_when_left_out(client):
    create_records(Source, [Source(outlet=f"Outlet {n}") for n in range(201)], by=system_user())
    settle()
    page = read(client, limit=200)
    assert (len(page["results"]), page["has_more"]) == (200, True)
    assert len(read(client)["results"]) == 100


def test_the_feed_offers_no_writes(client, editor):
    client.force_login(editor)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(URL).status_code == 405


# --- conditional reads --------------------------------------------------------------------------


def test_the_feed_answers_an_etag_and_304_until_a_change_settles(client):
    SourceFactory()
    settle()
    first = client.get(URL)
    assert first.status_code == 200 and first["ETag"].startswith('W/"')
    assert "Last-Modified" not in first
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    SourceFactory()
    settle()
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_if_modified_since_alone_never_answers_304_from_the_feed(client):
    SourceFactory()
    settle()
    later = "Fri, 01 Jan 2100 00:00:00 GMT"
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=later).status_code == 200


def test_the_public_and_the_editors_feed_have_their_own_etags(client, editor):
    draft_statement()
    settle()
    public = client.get(URL, {"include": "drafts"})["ETag"]
    client.force_login(editor)
    assert client.get(URL, {"include": "drafts"})["ETag"] != public


def test_a_drafts_life_leaves_the_public_feeds_etag_until_it_is_published(client, editor, reviewer):
    process = ProcessFactory()
    said = {"process": process, "round": None, "speaker": PersonFactory(), "sources": [SourceFactory()]}
    issue = IssueFactory(process=process)
    _, since = follow(client)
    firsts = [(query, client.get(URL, query)["ETag"]) for query in ({}, {"since": since})]

    def unmoved():
        settle()
        for query, etag in firsts:
            assert client.get(URL, query, HTTP_IF_NONE_MATCH=etag).status_code == 304, query

    draft = StatementFactory(**said, issues=[issue], text="Waiting for review.", by=editor)
    unmoved()
    draft.text = "Changed before review."
    issue_services.statement_save(draft, by=editor, issues=[])
    unmoved()
    issue_services.draft_send_back(draft, by=reviewer, note="Name the source.")
    unmoved()
    issue_services.draft_delete(draft, by=editor)
    unmoved()
    issue_services.draft_publish(StatementFactory(**said, text="Published at last.", by=editor), by=reviewer)
    settle()
    for query, etag in firsts:
        assert client.get(URL, query, HTTP_IF_NONE_MATCH=etag).status_code == 200, query
    events = read(client, since)["results"]
    assert summary(events) == [("statements", "create", "publish")]


def test_a_draft_moves_the_editors_feed_and_not_the_publics(client, editor):
    said = {"process": ProcessFactory(), "round": None, "speaker": PersonFactory(), "sources": [SourceFactory()]}
    settle()
    public = client.get(URL)["ETag"]
    client.force_login(editor)
    with_drafts = client.get(URL, {"include": "drafts"})["ETag"]
    StatementFactory(**said, text="Waiting for review.", by=editor)
    settle()
    assert client.get(URL, {"include": "drafts"}, HTTP_IF_NONE_MATCH=with_drafts).status_code == 200
    client.logout()
    assert client.get(URL, HTTP_IF_NONE_MATCH=public).status_code == 304


# --- cost ---------------------------------------------------------------------------------------


def test_a_page_runs_as_many_queries_for_50_events_as_for_5(client, django_assert_num_queries):
    process = ProcessFactory()
    talk_round = RoundFactory(process=process)
    person = PersonFactory()
    _, since = follow(client)

    def write(count):
        for n in range(count):
            source = SourceFactory()
            said = f"Statement {n} of {count}."
            StatementFactory(
                process=process, round=talk_round, speaker=person, text=said, sources=[source], publish=True
            )
        settle()

    # The validators (settled position, pruned-through), the page, the pruned-through
    # again, and one lookup per kind of record on the page (sources, statements).
    write(5)
    with django_assert_num_queries(6):
        page = read(client, since)
    assert len(page["results"]) == 5 * 2
    _, since = follow(client)
    write(50)
    with django_assert_num_queries(6):
        page = read(client, since)
    assert len(page["results"]) == 100
