"""Keeping timelines current: a mark in the edit's own transaction, a rebuild after it.

An edit that touches an issue's timeline bumps the issue's generation (`mark`) in the
transaction of the edit, and asks for a rebuild once that transaction commits. A rebuild
(`rebuild_issue`) reads the generation, then the inputs and their fingerprint in one
snapshot, replaces the entries in one transaction under a per-issue lock, and clears the
mark only if the generation is still the one it read: a rebuild that raced an edit
leaves the issue marked, and the edit's own rebuild (or the periodic reconciliation)
finishes the job. With a broker the rebuilds run in a Celery worker; without one, in the
process, after the commit; either way a failure to rebuild never fails the edit.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from issues.models import Issue, TimelineEntry, TimelineState
from issues.timelines import builder
from negotrack.bulk import insert_rows
from negotrack.models import Change

logger = logging.getLogger(__name__)

# The first key of the PostgreSQL advisory locks taken per issue (the issue id is the second).
_LOCK_NAMESPACE = zlib.crc32(b"negotrack.timeline") & 0x7FFFFFFF

_ENTRY_FIELDS = [
    TimelineEntry._meta.get_field(name)
    for name in ("issue", "position", "key", "kind", "date", "date_precision", "round", "party", "title", "text",
                 "before", "after", "record_type", "record_uuid", "sources")
]  # fmt: skip


# --- marks ------------------------------------------------------------------------------------


def mark(issue_ids: Iterable[int | None]) -> None:
    """The timelines of these issues fall behind: bump their generation now, in the caller's
    transaction, and rebuild them once it commits."""
    ids = sorted({issue_id for issue_id in issue_ids if issue_id})
    if not ids:
        return
    _ensure_states(ids)
    TimelineState.objects.filter(issue_id__in=ids).update(
        generation=F("generation") + 1, marked_since=Coalesce("marked_since", Now())
    )
    transaction.on_commit(lambda: request_rebuilds(ids))


def _ensure_states(ids: list[int]) -> None:
    known = set(TimelineState.objects.filter(issue_id__in=ids).values_list("issue_id", flat=True))
    missing = [TimelineState(issue_id=issue_id, generation=0) for issue_id in ids if issue_id not in known]
    if missing:
        TimelineState.objects.bulk_create(missing, ignore_conflicts=True)


def request_rebuilds(issue_ids: Iterable[int]) -> None:
    """Hand the rebuilds to the worker, or run them here without a broker. Never raises: the
    edit is saved, and a timeline left marked is rebuilt by the reconciliation."""
    from issues.timelines import tasks

    issue_ids = list(issue_ids)
    for done, issue_id in enumerate(issue_ids):
        try:
            if settings.CELERY_TASK_ALWAYS_EAGER:
                rebuild_issue(issue_id, unless_current=True)
            else:
                tasks.enqueue_rebuild(issue_id)
        except Exception:
            if settings.CELERY_TASK_ALWAYS_EAGER:
                logger.exception("timeline of issue %s left for the reconciliation", issue_id)
                continue
            # The broker did not answer: one timeout is enough for the edit to wait out.
            logger.exception("broker unreachable: timelines of issues %s left for the reconciliation", issue_ids[done:])
            return


# --- the rebuild --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rebuilt:
    issue_id: int
    changed: bool  # entries were replaced (and a "timeline rebuilt" change logged)
    current: bool  # the mark was cleared: nothing was edited while it ran
    entries: int


@contextmanager
def _issue_lock(issue_id: int) -> Iterator[None]:
    """One rebuild of an issue at a time. PostgreSQL: an advisory lock held by the session
    around the rebuild's transaction, so that the snapshot is taken after the lock is
    granted. SQLite has one writer at a time already."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, issue_id])
            yield
            return
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [_LOCK_NAMESPACE, issue_id])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_LOCK_NAMESPACE, issue_id])


def is_marked(issue_id: int) -> bool:
    """An edit marked the issue since its timeline was last built."""
    return TimelineState.objects.filter(issue_id=issue_id).exclude(built_generation=F("generation")).exists()


def rebuild_issue(issue_id: int, *, force: bool = False, unless_current: bool = False) -> Rebuilt | None:
    """Rebuild one issue's timeline if its inputs changed (or `force`), and clear its mark
    if no edit came in meanwhile. None when the issue no longer exists, or when an edit
    raced the rebuild at the last moment (the issue stays marked).

    `unless_current`: do nothing when no edit marked the issue since its last rebuild, as
    for a second request after one transaction's edits, or a task delivered twice.
    """
    if unless_current and TimelineState.objects.filter(issue_id=issue_id, built_generation=F("generation")).exists():
        return None
    outermost = not connection.in_atomic_block
    with _issue_lock(issue_id):
        try:
            with transaction.atomic():
                if outermost and connection.vendor == "postgresql":
                    # Generation, inputs and fingerprint from one snapshot.
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                return _rebuild_in_snapshot(issue_id, force=force)
        except DatabaseError as error:
            if getattr(error.__cause__, "sqlstate", None) == "40001":  # serialization failure
                logger.info("timeline of issue %s: an edit came in during the rebuild; it stays marked", issue_id)
                return None
            raise


def _rebuild_in_snapshot(issue_id: int, *, force: bool) -> Rebuilt | None:
    state = TimelineState.objects.filter(issue_id=issue_id).first()
    if state is None:
        if not Issue.objects.filter(pk=issue_id).exists():
            return None
        _ensure_states([issue_id])
        state = TimelineState.objects.get(issue_id=issue_id)
    generation = state.generation
    inputs = builder.load(issue_id)
    digest = builder.fingerprint(inputs)
    changed = force or digest != state.fingerprint or state.built_at is None
    count = None
    if changed:
        entries = builder.build(inputs)
        count = len(entries)
        _replace_entries(issue_id, entries)
    done: dict[str, Any] = {"built_generation": generation, "marked_since": None}
    if changed:
        done |= {"built_at": timezone.now(), "fingerprint": digest}
    current = bool(TimelineState.objects.filter(issue_id=issue_id, generation=generation).update(**done))
    if changed:
        _log_rebuilt(issue_id, generation)
    if count is None:
        count = TimelineEntry.objects.filter(issue_id=issue_id).count()
    return Rebuilt(issue_id=issue_id, changed=changed, current=current, entries=count)


def _replace_entries(issue_id: int, entries: list[builder.BuiltEntry]) -> None:
    TimelineEntry.objects.filter(issue_id=issue_id).delete()
    rows = [
        (issue_id, position, entry.key, entry.kind, entry.date, entry.date_precision, entry.round_id, entry.party_id,
         entry.title[:500], entry.text, entry.before[:200], entry.after[:200], entry.record_type, entry.record_uuid,
         [{"uuid": str(source.uuid), "outlet": source.outlet, "title": source.title, "url": source.url}
          for source in entry.sources])
        for position, entry in enumerate(entries)
    ]  # fmt: skip
    insert_rows(TimelineEntry, _ENTRY_FIELDS, rows, using=connection.alias)


def _log_rebuilt(issue_id: int, generation: int) -> None:
    """One "timeline rebuilt" event in the change log (and so in the changes feed), named by
    the issue's UUID, instead of one per entry."""
    issue_uuid, slug = Issue.objects.filter(pk=issue_id).values_list("uuid", "slug").get()
    Change.objects.create(
        action=Change.Action.REBUILD,
        record_type="issues.timeline",
        record_uuid=issue_uuid,
        record_version=generation,
        changed_fields=["entries"],
        refs={"issue": slug},
    )


# --- reconciliation ------------------------------------------------------------------------------


def marked_issue_ids() -> list[int]:
    return list(
        TimelineState.objects.filter(~Q(built_generation=F("generation")))
        .order_by("marked_since", "issue_id")
        .values_list("issue_id", flat=True)
    )


def stale_issue_ids() -> list[int]:
    """Issues whose timeline was built from inputs that have changed since, whether or not
    a mark says so (a mark lost with a message, an edit that went around the services), and
    issues that never had a timeline."""
    states = dict(TimelineState.objects.values_list("issue_id", "fingerprint"))
    stale = []
    for issue_id in Issue.objects.order_by("pk").values_list("pk", flat=True).iterator():
        if issue_id not in states or builder.fingerprint(builder.load(issue_id)) != states[issue_id]:
            stale.append(issue_id)
    return stale


def reconcile() -> list[Rebuilt]:
    """Rebuild every marked issue and every issue whose fingerprint no longer matches."""
    wanted = dict.fromkeys([*marked_issue_ids(), *stale_issue_ids()])
    results = []
    for issue_id in wanted:
        try:
            result = rebuild_issue(issue_id)
        except Exception:
            logger.exception("reconciliation could not rebuild the timeline of issue %s", issue_id)
            continue
        if result is not None:
            results.append(result)
    return results
