"""Conditional reads: cache validators taken from the change log, never from a response body.

Every write to the record (a create, an update, a delete, a publication) adds a Change
row, so the change log says whether anything changed since a client last asked. One
indexed query reads its state, before a view does any work of its own.

Concurrent transactions commit out of order: a change can become visible after one with
a higher id. The state is therefore the changes feed's own notion of position
(negotrack.changes.cursor): the newest settled change, which only moves forward and moves
whenever a change settles, plus the changes that have committed but not settled yet (an
older transaction is still open), summed. A change that becomes visible either settles,
moving the newest settled position past it, or joins the unsettled ones, adding its id
to their sum, so the state changes whenever the record does, however late a transaction
commits. Both parts come from an index of the change log's positions, a row or a handful.

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
import weakref
from dataclasses import dataclass
from typing import Any

from django.db import InterfaceError, OperationalError, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest
from django.utils import timezone
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from negotrack.changes.cursor import FeedCursor, settled_changes, unsettled_changes
from negotrack.models import Change
from negotrack.statement_timeout import bounded_query

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class ChangeLogState:
    newest_settled: FeedCursor
    unsettled_sum: int
    # The newest change counted, to the microsecond: the moment a citation of the answer
    # is fixed to (negotrack.as_known).
    newest_at: datetime.datetime

    @property
    def last_modified(self) -> datetime.datetime:
        """The newest change's time at the one-second precision of HTTP dates."""
        return self.newest_at.replace(microsecond=0)


@dataclass(frozen=True)
class Validators:
    etag: str
    # None where no time can stand for the answer's state (the changes feed): then the
    # ETag alone decides.
    last_modified: datetime.datetime | None
    newest_change_at: datetime.datetime | None = None

    @property
    def last_modified_header(self) -> str:
        if self.last_modified is None:
            raise ValueError("This answer has no Last-Modified time.")
        return http_date(self.last_modified.timestamp())


@functools.cache
def _state_sql(*, drafts: bool) -> tuple[str, tuple[Any, ...]]:
    """The newest settled change and the unsettled ones aggregated, in one statement (so
    from one snapshot), its SQL compiled once: every read asks it first, and the ORM took
    ten times as long to build a query as PostgreSQL took to answer it."""
    newest = settled_changes(drafts=drafts).order_by("-txid", "-id").values("txid", "id", "occurred_at")[:1]
    late = unsettled_changes(drafts=drafts).order_by().values("id", "occurred_at")
    newest_sql, newest_params = newest.query.sql_with_params()
    late_sql, late_params = late.query.sql_with_params()
    sql = (
        "SELECT newest.txid, newest.id, newest.occurred_at, late.total, late.latest "
        f"FROM (SELECT SUM(id) AS total, MAX(occurred_at) AS latest FROM ({late_sql}) unsettled) late "
        f"LEFT JOIN ({newest_sql}) newest ON 1 = 1"
    )
    return sql, (*late_params, *newest_params)


def _as_time(value: Any) -> datetime.datetime | None:
    if isinstance(value, str):  # SQLite's raw answer: UTC, as text
        value = datetime.datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.UTC)
    return value  # a datetime from PostgreSQL, or None


def change_log_state(*, drafts: bool) -> ChangeLogState:
    """The newest settled position, the sum of the unsettled ids and the latest time among
    them, in one query; an empty change log reads as the epoch. For a public read that
    time is the newest public change's, never a draft's. Read from the database the
    router gives the change log to (a public read's replica, like the answer it stands
    for)."""
    txid, change_id, settled_at, unsettled_sum, unsettled_at = _read_state(
        connections[router.db_for_read(Change)], drafts=drafts
    )
    times = [time for time in (_as_time(settled_at), _as_time(unsettled_at)) if time is not None]
    newest = max(times).astimezone(datetime.UTC) if times else EPOCH
    return ChangeLogState(
        newest_settled=FeedCursor(txid or 0, change_id or 0),
        unsettled_sum=int(unsettled_sum or 0),
        newest_at=newest,
    )


def _read_state(connection: BaseDatabaseWrapper, *, drafts: bool) -> tuple[Any, ...]:
    """The state's row. Its query is the request's first on a kept connection, so it
    stands in for the connection's health check (CONN_HEALTH_CHECKS), which would cost a
    round trip of its own (`SELECT 1`) on every request: if the kept connection turns out
    broken (the server restarted since), it is closed and the query asked once more on a
    new one, as the health check would have done."""
    # Django's own attributes of a connection (BaseDatabaseWrapper), which the type stubs lack.
    checking = (
        connection.connection is not None
        and getattr(connection, "health_check_enabled", False)
        and not getattr(connection, "health_check_done", True)
        and not connection.in_atomic_block
    )
    if checking:
        setattr(connection, "health_check_done", True)  # noqa: B010  # the attribute's type is not known
    try:
        return _fetch_state(connection, drafts=drafts)
    except (OperationalError, InterfaceError):
        if not checking or connection.is_usable():
            raise
    connection.close()
    return _fetch_state(connection, drafts=drafts)


# The PostgreSQL connections (psycopg's own objects) that have the state's statements
# prepared, by name: a statement prepared lasts as long as its connection.
_prepared: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def _fetch_state(connection: BaseDatabaseWrapper, *, drafts: bool) -> tuple[Any, ...]:
    """On PostgreSQL the query runs as a statement prepared once a connection: planning its
    two index lookups took five times as long as running them. It is prepared on the
    connection itself, as Django sets up a new connection, and only the reading is a query
    of the request's."""
    sql, params = _state_sql(drafts=drafts)
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        name = f"negotrack_change_log_state_{'drafts' if drafts else 'public'}"
        prepared = _prepared.setdefault(connection.connection, set())
        if name not in prepared:
            numbered = sql % tuple(f"${number}" for number in range(1, len(params) + 1))
            with connection.wrap_database_errors:
                connection.connection.execute(f"PREPARE {name} AS {numbered}")
            prepared.add(name)
        sql = f"EXECUTE {name} ({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
    with connection.cursor() as cursor, bounded_query():
        cursor.execute(sql, params)
        return cursor.fetchone()  # one row: the aggregate always answers


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
        str(state.newest_settled),
        str(state.unsettled_sum),
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
    return Validators(etag=f'W/"{tag}"', last_modified=state.last_modified, newest_change_at=state.newest_at)


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
