"""Old changes expire: prune_changes keeps the newest and the recent, and a feed cursor
from before what is kept answers 410."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from negotrack.bulk import create_records
from negotrack.changes.cursor import FeedCursor, pruned_through
from negotrack.changes.prune import KEEP_NEWEST, prune_changes
from negotrack.groups import system_user
from negotrack.models import Change
from rounds.models import Source
from tests.factories import PersonFactory, ProcessFactory, SourceFactory, StatementFactory
from tests.feed import FEED_DB, URL, follow, read, settle

pytestmark = FEED_DB


def sources(count):
    return create_records(Source, [Source(outlet=f"Outlet {n}") for n in range(count)], by=system_user())


def age(changes, days):
    Change.objects.filter(pk__in=[change.pk for change in changes]).update(
        occurred_at=timezone.now() - datetime.timedelta(days=days)
    )


def feed_order():
    return list(Change.objects.order_by("txid", "id"))


def cursor(change) -> str:
    return f"{change.txid}.{change.id}"


def prune(**options) -> str:
    settle()  # pruning stops at the first unsettled change: another session's open transaction
    out = io.StringIO()
    call_command("prune_changes", stdout=out, **options)
    return out.getvalue()


def test_pruning_keeps_the_newest_changes_and_a_cursor_from_before_them_answers_410(client):
    sources(KEEP_NEWEST + 10)
    SourceFactory()
    changes = feed_order()
    age(changes[:-1], days=400)
    settle()
    sources_etag = client.get("/api/v1/sources/")["ETag"]
    old_feed = client.get(URL, {"since": cursor(changes[3])})

    assert prune() == f"Pruned 11 changes; feed cursors before {cursor(changes[10])} now answer 410.\n"

    assert list(Change.objects.order_by("txid", "id")) == changes[11:]
    assert pruned_through() == FeedCursor(changes[10].txid, changes[10].id)
    for expired in ("0.0", cursor(changes[3]), cursor(changes[9])):
        response = client.get(URL, {"since": expired})
        assert response.status_code == 410
        assert "resync" in response.json()["detail"].lower()
        assert response.json()["restart"] == "http://testserver/api/v1/changes/"
    # The ETag of the feed moves with the horizon; the newest changes, and so the ETags of
    # the other reads, stay as they were.
    assert client.get(URL, {"since": cursor(changes[3])}, HTTP_IF_NONE_MATCH=old_feed["ETag"]).status_code == 410
    assert client.get("/api/v1/sources/", HTTP_IF_NONE_MATCH=sources_etag).status_code == 304
    # From the horizon on, and from the start, the feed goes on with the oldest change kept.
    assert read(client, cursor(changes[10]), limit=1)["results"][0]["cursor"] == cursor(changes[11])
    assert read(client, limit=1)["results"][0]["cursor"] == cursor(changes[11])


def test_pruning_keeps_the_newest_public_changes_however_many_drafts_came_after(client):
    sources(KEEP_NEWEST + 5)
    said = {"process": ProcessFactory(), "round": None, "speaker": PersonFactory(), "sources": [SourceFactory()]}
    for n in range(10):
        StatementFactory(**said, text=f"Draft {n}")
    changes = feed_order()
    age(changes, days=400)
    settle()
    sources_etag = client.get("/api/v1/sources/")["ETag"]

    public = Change.objects.public().count()
    assert prune().startswith(f"Pruned {public - KEEP_NEWEST} changes")

    assert Change.objects.public().count() == KEEP_NEWEST
    assert Change.objects.exclude(pk__in=Change.objects.public()).count() == 10
    assert client.get("/api/v1/sources/", HTTP_IF_NONE_MATCH=sources_etag).status_code == 304


def test_the_restart_address_of_an_editor_keeps_the_drafts(client, editor):
    sources(KEEP_NEWEST + 1)
    age(feed_order(), days=400)
    prune()
    client.force_login(editor)
    response = client.get(URL, {"since": "0.0", "include": "drafts"})
    assert response.status_code == 410
    assert response.json()["restart"] == "http://testserver/api/v1/changes/?include=drafts"


def test_pruning_removes_only_a_prefix_of_the_feed_up_to_the_first_recent_change():
    SourceFactory(), SourceFactory(), SourceFactory(), SourceFactory()
    first, second, third, newest = feed_order()
    age([first, third], days=400)
    settle()
    assert prune_changes(older_than=datetime.timedelta(days=30), keep_newest=1) == 1
    assert feed_order() == [second, third, newest]
    assert pruned_through() == FeedCursor(first.txid, first.id)


def test_the_retention_comes_from_the_setting_and_the_option_overrides_it(settings):
    sources(KEEP_NEWEST + 5)
    age(feed_order(), days=40)
    settle()
    settings.CHANGES_RETENTION_DAYS = 60
    assert prune().startswith("Pruned 0 changes")
    assert pruned_through() is None
    assert prune(older_than_days=50).startswith("Pruned 0 changes")
    settings.CHANGES_RETENTION_DAYS = 30
    assert prune().startswith("Pruned 5 changes")
    assert Change.objects.count() == KEEP_NEWEST


def test_a_second_prune_moves_the_horizon_forward_only(client):
    sources(KEEP_NEWEST + 3)
    age(feed_order(), days=400)
    settle()
    prune()
    horizon = pruned_through()
    assert prune() == f"Pruned 0 changes; feed cursors before {horizon} now answer 410.\n"
    assert pruned_through() == horizon
    events, _ = follow(client, str(horizon))
    assert len(events) == KEEP_NEWEST


def test_an_invalid_retention_is_refused():
    with pytest.raises(CommandError, match="1 or more"):
        prune(older_than_days=0)
