"""Conditional reads: cache validators taken from the change log, never from a response body.

Every write to the record (a create, an update, a delete, a publication) adds a Change
row, so the newest rows of the change log say whether anything changed since a client
last asked. One indexed query reads them, before a view does any work of its own.

A public read counts only the changes to the public record (`Change.objects.public()`):
saving, sending back or deleting a draft leaves its answer as it was, so its validators
stay too, and a tool polling it keeps getting 304 until something is published. An
editor's read with the drafts counts every change.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from django.db import InterfaceError, OperationalError, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from negotrack.models import Change
from negotrack.statement_timeout import bounded_query

# Concurrent transactions commit out of order: a change can become visible after one with
# a higher id. The sum of the newest ids (not just the highest) changes when such a late
# row appears among them, as long as fewer than this many later changes committed while
# its transaction was open. A public read sums the newest public changes only, so there
# the bound counts later public changes: drafts committed meanwhile take no room in the
# window, and a late draft never enters it.
RECENT_WINDOW = 1000

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class ChangeLogState:
    newest_id: int
    recent_sum: int
    last_modified: datetime.datetime


@dataclass(frozen=True)
class Validators:
    etag: str
    # None where no time can stand for the answer's state (the changes feed): then the
    # ETag alone decides.
    last_modified: datetime.datetime | None

    @property
    def last_modified_header(self) -> str:
        if self.last_modified is None:
            raise ValueError("This answer has no Last-Modified time.")
        return http_date(self.last_modified.timestamp())


def recent_changes(*, drafts: bool) -> QuerySet[Change]:
    """The window of the change log a read's validators come from: the newest changes, of
    the public record alone unless the read shows drafts. A backward scan of the primary
    key, or of the index of public changes."""
    changes = Change.objects.all() if drafts else Change.objects.public()
    return changes.order_by("-id")[:RECENT_WINDOW]


@functools.cache
def _state_sql(*, drafts: bool) -> tuple[str, tuple[Any, ...]]:
    """`recent_changes` aggregated, as SQL compiled once: every read asks it first, and the
    ORM took ten times as long to build the query as PostgreSQL took to answer it."""
    window, params = recent_changes(drafts=drafts).values("id", "occurred_at").query.sql_with_params()
    return f"SELECT MAX(id), SUM(id), MAX(occurred_at) FROM ({window}) recent", tuple(params)


def change_log_state(*, drafts: bool) -> ChangeLogState:
    """The newest ids of the window and the latest time among them, in one query; an
    empty window reads as the epoch. For a public read that time is the newest public
    change's, never a draft's. Read from the database the router gives the change log to
    (a public read's replica, like the answer it stands for)."""
    newest_id, recent_sum, last_modified = _read_state(connections[router.db_for_read(Change)], drafts=drafts)
    if newest_id is None:
        return ChangeLogState(newest_id=0, recent_sum=0, last_modified=EPOCH)
    if isinstance(last_modified, str):  # SQLite's raw answer: UTC, as text
        last_modified = datetime.datetime.fromisoformat(last_modified)
        if last_modified.tzinfo is None:
            last_modified = last_modified.replace(tzinfo=datetime.UTC)
    last_modified = last_modified.astimezone(datetime.UTC).replace(microsecond=0)
    return ChangeLogState(newest_id, int(recent_sum), last_modified)


def _read_state(connection: BaseDatabaseWrapper, *, drafts: bool) -> tuple[Any, Any, Any]:
    """The window's aggregate. Its query is the request's first on a kept connection, so it
    stands in for the connection's health check (CONN_HEALTH_CHECKS), which would cost a
    round trip of its own (`SELECT 1`) on every request: if the kept connection turns out
    broken (the server restarted since), it is closed and the query asked once more on a
    new one, as the health check would have done."""
    checking = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if checking:
        connection.health_check_done = True
    sql, params = _state_sql(drafts=drafts)
    try:
        return _fetch_state(connection, sql, params)
    except (OperationalError, InterfaceError):
        if not checking or connection.is_usable():
            raise
    connection.close()
    return _fetch_state(connection, sql, params)


def _fetch_state(connection: BaseDatabaseWrapper, sql: str, params: tuple[Any, ...]) -> tuple[Any, Any, Any]:
    with connection.cursor() as cursor, bounded_query():
        cursor.execute(sql, params)
        return cursor.fetchone()  # type: ignore[no-any-return]  # one row: an aggregate always answers


def validators_for(
    request: HttpRequest, *, drafts: bool, record_version: int | None = None, extra: str = ""
) -> Validators:
    """A weak ETag for this request's answer: the change-log state (of the public record
    alone unless `drafts`), plus everything else the answer depends on (path and query,
    format, drafts or not, today's date for answers that default to today, the signed-in
    user on the browsable pages). Last-Modified is the time of the newest change counted.

    The detail of a record that the API writes to leads its ETag with the record's
    version (`W/"7-…"`), which is what a write's `If-Match` compares. `extra` is whatever
    else a view's answer depends on that the change log does not record (a timeline's
    currency)."""
    state = change_log_state(drafts=drafts)
    renderer_format = getattr(getattr(request, "accepted_renderer", None), "format", None) or ""
    parts = [
        str(state.newest_id),
        str(state.recent_sum),
        request.get_full_path(),
        renderer_format,
        "drafts" if drafts else "public",
        timezone.localdate().isoformat(),
        extra,
    ]
    if renderer_format == "api":
        # The browsable API's pages show who is signed in.
        parts.append(str(request.user.pk or ""))
    digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
    tag = digest if record_version is None else f"{record_version}-{digest}"
    return Validators(etag=f'W/"{tag}"', last_modified=state.last_modified)


def is_not_modified(request: HttpRequest, validators: Validators) -> bool:
    """RFC 9110: If-None-Match (weak comparison) decides when present; otherwise
    If-Modified-Since, at the one-second precision of HTTP dates."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        ours = validators.etag.removeprefix("W/")
        return any(tag.removeprefix("W/") == ours for tag in parse_etags(if_none_match))
    if validators.last_modified is None:
        return False
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE") or "")
    return since is not None and int(validators.last_modified.timestamp()) <= since


_VERSION_TAG = re.compile(r'^(?:W/)?"(\d+)(?:-[0-9a-f]+)?"$')


def if_match_versions(header: str) -> set[int] | None:
    """The record versions an `If-Match` header names: `None` for `*` (any version).

    It takes the ETag of the record's detail (`W/"7-…"`) or that of a write's answer
    (`"7"`), weak or strong: what a write compares is the record's version, which the
    ETag carries. A tag of another shape names no version, so it never matches.
    """
    if header.strip() == "*":
        return None
    versions = set()
    for tag in parse_etags(header):
        found = _VERSION_TAG.match(tag)
        if found:
            versions.add(int(found.group(1)))
    return versions
