"""Reading the changes feed: a page of changes after a cursor, and each change as the
reader sees it (its action, its feed name, the URL of its record)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse

from negotrack.changes.cursor import START, FeedCursor, pruned_through, settled_changes
from negotrack.models import Change
from negotrack.registry import feed_kinds, record_type

# How a raw change reads: to the public, publishing makes a record appear and withdrawing
# makes it go; to editors every publication step is a change of a record they already see.
PUBLIC_ACTIONS = {"publish": "create", "supersede": "update", "withdraw": "delete", "rebuild": "update"}
EDITORIAL_ACTIONS = {"publish": "update", "supersede": "update", "withdraw": "update", "send_back": "update",
                     "rebuild": "update", "propose": "update", "discard": "update"}  # fmt: skip


class CursorExpired(Exception):
    def __init__(self, horizon: FeedCursor):
        self.horizon = horizon


@dataclass
class FeedPage:
    changes: list[Change]
    has_more: bool
    next: FeedCursor


def read_feed(*, since: FeedCursor | None, limit: int, drafts: bool) -> FeedPage:
    """Up to `limit` changes after `since` (from the oldest kept when None), oldest first.

    Raises CursorExpired when rows after `since` were pruned. The pruned-through position
    is read after the rows, so a prune that commits in between cannot go unnoticed.
    """
    changes = settled_changes(drafts=drafts)
    if since is not None:
        changes = changes.filter(since.after())
    rows = list(changes.order_by("txid", "id")[: limit + 1])
    if since is not None:
        horizon = pruned_through()
        if horizon is not None and since < horizon:
            raise CursorExpired(horizon)
    page = rows[:limit]
    following = FeedCursor(page[-1].txid, page[-1].id) if page else since or START
    return FeedPage(changes=page, has_more=len(rows) > limit, next=following)


def feed_action(change: Change, *, drafts: bool) -> str:
    actions = EDITORIAL_ACTIONS if drafts else PUBLIC_ACTIONS
    return actions.get(change.action, change.action)


def record_urls(changes: list[Change], request: HttpRequest, *, drafts: bool) -> dict[tuple[str, object], str]:
    """The API detail of each record on the page that still exists: one query per kind of
    record on the page (slug routes need the slug), never one per change."""
    kinds = feed_kinds()
    wanted: dict[str, set] = defaultdict(set)
    for change in changes:
        kind = kinds.get(change.record_type)
        if kind and kind.route and change.action != Change.Action.DELETE:
            wanted[change.record_type].add(change.record_uuid)
    urls = {}
    for label, uuids in wanted.items():
        kind = kinds[label]
        model = apps.get_model(kind.model)
        registered = record_type(label)
        suffix = "?include=drafts" if drafts and registered is not None and registered.publishable else ""
        for record_uuid, key in model._base_manager.filter(uuid__in=uuids).values_list("uuid", kind.lookup):
            path = reverse(f"{kind.route}-{kind.view}", kwargs={kind.lookup: key})
            urls[label, record_uuid] = request.build_absolute_uri(path + suffix)
    return urls


def events(page: FeedPage, request: HttpRequest, *, drafts: bool) -> list[dict[str, Any]]:
    urls = record_urls(page.changes, request, drafts=drafts)
    kinds = feed_kinds()
    return [
        {
            "cursor": str(FeedCursor(change.txid, change.id)),
            "occurred_at": change.occurred_at,
            "action": feed_action(change, drafts=drafts),
            "event": change.action,
            "type": kinds[change.record_type].feed_name if change.record_type in kinds else change.record_type,
            "uuid": change.record_uuid,
            "version": change.record_version,
            "changed_fields": change.changed_fields,
            "refs": change.refs,
            "url": urls.get((change.record_type, change.record_uuid)),
        }
        for change in page.changes
    ]
