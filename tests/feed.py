"""Reading the changes feed in tests.

On PostgreSQL a change shows in the feed only once every transaction that began before it
has finished, anywhere in the cluster: a test's own open transaction (the `db` fixture)
would hold its changes back for good, hence `transaction=True` in the feed tests, and
another session's transaction holds them back for a moment, hence `settle()`.
"""

import time

import pytest

from negotrack.changes.cursor import SnapshotXmin
from negotrack.models import Change

# Transactional: the feed reads committed changes. Serialized rollback: the flush after
# each test would also take the Editors and Reviewers groups made by a data migration.
FEED_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)
URL = "/api/v1/changes/"


def settle(timeout: float = 60) -> None:
    """Wait until every change written so far can show in the feed."""
    deadline = time.monotonic() + timeout
    while Change.objects.filter(txid__gte=SnapshotXmin()).exists():
        assert time.monotonic() < deadline, "changes still held back by an open transaction"
        time.sleep(0.05)


def read(client, since=None, **params) -> dict:
    query = {**params, **({"since": since} if since is not None else {})}
    response = client.get(URL, query)
    assert response.status_code == 200, response.content
    return response.json()


def follow(client, since=None, **params) -> tuple[list[dict], str]:
    """Every event after `since`, page by page, and the cursor to poll with next."""
    settle()
    seen = []
    while True:
        page = read(client, since, **params)
        seen += page["results"]
        since = page["next"]
        if not page["has_more"]:
            return seen, since


def summary(events) -> list[tuple[str, str, str]]:
    return [(event["type"], event["action"], event["event"]) for event in events]
