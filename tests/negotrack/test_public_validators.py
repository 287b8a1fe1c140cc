"""Public validators move only when the public record does: a draft's life (made,
changed, sent back, deleted) leaves the ETag and Last-Modified of public reads as they
were, so a polling tool keeps getting 304; publishing moves them. Editors' reads with
the drafts keep validators of their own, which move with every draft."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.http import parse_http_date

from issues import services as issue_services
from negotrack.conditional import _state_sql
from negotrack.models import Change
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PersonFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

AN_HOUR_AGO = datetime.timedelta(hours=1)


@pytest.fixture
def record():
    """A published statement and status, and what a draft cites, all logged an hour ago:
    a draft's change made now would move a Last-Modified that counted it."""
    issue = IssueFactory()
    talk_round = RoundFactory(process=issue.process)
    said = {
        "process": issue.process,
        "round": talk_round,
        "speaker": PersonFactory(),
        "party": PartyFactory(),
        "issues": [issue],
        "sources": [SourceFactory()],
    }
    StatementFactory(**said, publish=True)
    IssueStatusFactory(issue=issue, round=talk_round, sources=said["sources"], publish=True)
    Change.objects.update(occurred_at=timezone.now() - AN_HOUR_AGO)
    return {"issue": issue, "said": said}


def public_paths(record):
    return ["/api/v1/statements/", f"/api/v1/issues/{record['issue'].slug}/"]


def still_the_same(client, path, first):
    """The public read asked again with the first answer's validators, each on its own."""
    for headers in ({"if-none-match": first["ETag"]}, {"if-modified-since": first["Last-Modified"]}):
        again = client.get(path, headers=headers)
        assert again.status_code == 304, (path, headers)
        assert again["ETag"] == first["ETag"]
        assert again["Last-Modified"] == first["Last-Modified"]


def test_a_drafts_life_leaves_the_public_validators_as_they_were(client, editor, reviewer, record):
    firsts = {path: client.get(path) for path in public_paths(record)}
    newest_public = Change.objects.public().latest("id").occurred_at
    for first in firsts.values():
        assert parse_http_date(first["Last-Modified"]) == int(newest_public.timestamp())

    draft = StatementFactory(**record["said"], text="Not public yet.", by=editor)
    for path, first in firsts.items():
        still_the_same(client, path, first)
    draft.text = "Still not public."
    issue_services.statement_save(draft, by=editor)
    for path, first in firsts.items():
        still_the_same(client, path, first)
    issue_services.draft_send_back(draft, by=reviewer, note="Name the source.")
    for path, first in firsts.items():
        still_the_same(client, path, first)
    issue_services.draft_delete(draft, by=editor)
    for path, first in firsts.items():
        still_the_same(client, path, first)


def test_a_draft_status_leaves_the_issue_and_the_statuses_as_they_were(client, editor, record):
    paths = [f"/api/v1/issues/{record['issue'].slug}/", "/api/v1/statuses/"]
    firsts = {path: client.get(path) for path in paths}
    draft = IssueStatusFactory(
        issue=record["issue"], round=record["said"]["round"], status="agreed", sources=record["said"]["sources"]
    )
    for path, first in firsts.items():
        still_the_same(client, path, first)
    issue_services.draft_delete(draft, by=editor)
    for path, first in firsts.items():
        still_the_same(client, path, first)


def test_publishing_a_draft_moves_the_public_validators(client, editor, reviewer, record):
    draft = StatementFactory(**record["said"], text="Published at last.", by=editor)
    firsts = {path: client.get(path) for path in public_paths(record)}
    issue_services.draft_publish(draft, by=reviewer)
    published = Change.objects.get(record_uuid=draft.uuid, action=Change.Action.PUBLISH)
    for path, first in firsts.items():
        response = client.get(path, headers={"if-none-match": first["ETag"]})
        assert response.status_code == 200, path
        assert response["ETag"] != first["ETag"]
        assert parse_http_date(response["Last-Modified"]) == int(published.occurred_at.timestamp())
        assert client.get(path, headers={"if-modified-since": first["Last-Modified"]}).status_code == 200
    assert "Published at last." in str(client.get("/api/v1/statements/").json())


def test_a_draft_moves_an_editors_read_with_drafts_but_not_the_public_read(client, editor, record):
    public_path, drafts_path = "/api/v1/statements/", "/api/v1/statements/?include=drafts"
    client.force_login(editor)
    public, with_drafts = client.get(public_path), client.get(drafts_path)
    assert client.get(drafts_path, headers={"if-none-match": with_drafts["ETag"]}).status_code == 304

    draft = StatementFactory(**record["said"], text="Waiting for review.", by=editor)
    made = Change.objects.get(record_uuid=draft.uuid)
    response = client.get(drafts_path, headers={"if-none-match": with_drafts["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != with_drafts["ETag"]
    assert parse_http_date(response["Last-Modified"]) == int(made.occurred_at.timestamp())
    assert "Waiting for review." in str(response.json())
    still_the_same(client, public_path, public)


def test_the_public_validators_come_from_the_index_of_public_changes(record):
    """The query the validators run (its SQL compiled once, negotrack.conditional); on
    PostgreSQL from the index of the changes' positions alone, which carries their
    publication states and times."""
    sql, params = _state_sql(drafts=False)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A handful of rows would not need the index.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(" ".join(str(cell) for cell in row) for row in cursor.fetchall())
    if connection.vendor == "postgresql":
        assert len(re.findall(r"Index Only Scan (?:Backward )?using change_feed_position_idx", plan)) == 2, plan
    else:
        assert "change_feed_position_idx" in plan, plan


def test_a_conditional_read_costs_a_query_or_two_for_the_public_and_four_for_an_editor(
    client, editor, record, django_assert_num_queries
):
    etags = {path: client.get(path)["ETag"] for path in public_paths(record)}
    StatementFactory(**record["said"], text="Waiting for review.", by=editor)
    for path, etag in etags.items():
        # the change log; a writable record's detail also reads its version, which its ETag leads with
        queries = 2 if path.startswith("/api/v1/issues/") else 1
        with django_assert_num_queries(queries):
            assert client.get(path, headers={"if-none-match": etag}).status_code == 304
    client.force_login(editor)
    path = "/api/v1/statements/?include=drafts"
    etag = client.get(path)["ETag"]
    with django_assert_num_queries(4):  # the session, its user, its groups, the change log
        assert client.get(path, headers={"if-none-match": etag}).status_code == 304
