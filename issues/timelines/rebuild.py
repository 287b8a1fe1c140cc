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

import json
import logging
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from issues.models import Issue, TimelineEntry, TimelineState
from issues.timelines import builder, in_database
from negotrack.bulk import insert_rows
from negotrack.models import Change

logger = logging.getLogger(__name__)

# The first key of the PostgreSQL advisory locks taken per issue (the issue id is the second).
REBUILD_LOCKS = zlib.crc32(b"negotrack.timeline") & 0x7FFFFFFF

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
def _issue_locks(issue_ids: list[int]) -> Iterator[None]:
    """One rebuild of an issue at a time. PostgreSQL: advisory locks (one an issue, taken in
    the order of the ids, so that two batches never wait for each other in a circle) held by
    the session around the rebuild's transaction, so that the snapshot is taken after they
    are granted. SQLite has one writer at a time already."""
    if connection.vendor != "postgresql":
        yield
        return
    ids = sorted(issue_ids)
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, id) FROM unnest(%s::int[]) AS id", [REBUILD_LOCKS, ids])
            yield
            return
        cursor.execute("SELECT pg_advisory_lock(%s, id) FROM unnest(%s::int[]) AS id", [REBUILD_LOCKS, ids])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, id) FROM unnest(%s::int[]) AS id", [REBUILD_LOCKS, ids])


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
    rebuilt = _rebuild_batch([issue_id], force=force)
    return None if rebuilt is None else rebuilt.get(issue_id)


# Issues rebuilt in one transaction by `rebuild_issues`: their inputs are read together (a
# few queries for the batch, not for each issue) and their entries written at once. With
# the Python builder (SQLite) a batch's inputs are held in memory: 20 issues of the
# benchmark's record keep `rebuild_timelines --all` near 110 MB (40, near 135). The SQL
# builder holds nothing, and 40 issues are one process of that record (its statements
# concern several of its issues).
BATCH_SIZE = 20
BATCH_SIZE_IN_DATABASE = 40


def _batch_size() -> int:
    return BATCH_SIZE_IN_DATABASE if connection.vendor == "postgresql" else BATCH_SIZE


def rebuild_issues(
    issue_ids: Iterable[int], *, force: bool = False, batch_size: int | None = None, connections: int = 1
) -> Iterator[tuple[int, Rebuilt | None]]:
    """Rebuild many timelines, as `rebuild_issue` rebuilds one, a batch of issues at a time:
    one transaction, one snapshot and one lock for each issue of the batch. Each issue with
    its result (None as for `rebuild_issue`), in the order given. When an edit races the
    batch, its issues are rebuilt again one by one, so that only the edited one stays marked.

    `connections`: on PostgreSQL, outside a transaction, that many batches are rebuilt at
    once, each on a database connection of its own (in a thread of its own, which closes
    it); the database does the work, on as many of its cores. Batches hold different
    issues, and each takes its issues' locks in the order of their ids, so they never wait
    for each other. Inside a transaction (whose uncommitted rows another connection could
    not see) and on SQLite (one writer at a time), one batch after another."""
    ids = list(dict.fromkeys(issue_ids))
    batch_size = batch_size or _batch_size()
    batches = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
    if connections > 1 and len(batches) > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block:
        results = _in_threads(batches, force=force, connections=connections)
    else:
        results = (_rebuild_or_retry(batch, force=force) for batch in batches)
    for batch, rebuilt in zip(batches, results, strict=True):
        for issue_id in batch:
            yield issue_id, rebuilt.get(issue_id)


def _rebuild_or_retry(batch: list[int], *, force: bool) -> dict[int, Rebuilt]:
    rebuilt = _rebuild_batch(batch, force=force)
    if rebuilt is None:
        rebuilt = {issue_id: result for issue_id in batch if (result := rebuild_issue(issue_id, force=force))}
    return rebuilt


def _in_threads(batches: list[list[int]], *, force: bool, connections: int) -> Iterator[dict[int, Rebuilt]]:
    """The batches' results in their order, `connections` batches rebuilt at a time. A
    batch that fails raises here, once the batches already running have finished; those
    not started yet are not."""

    def on_own_connection(batch: list[int]) -> dict[int, Rebuilt]:
        try:
            return _rebuild_or_retry(batch, force=force)
        finally:
            connection.close()  # this thread's own: Django opens one per thread

    pool = ThreadPoolExecutor(max_workers=connections, thread_name_prefix="timeline-rebuild")
    try:
        yield from pool.map(on_own_connection, batches)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _rebuild_batch(issue_ids: list[int], *, force: bool) -> dict[int, Rebuilt] | None:
    """The issues rebuilt in one transaction, by id (those that exist); None when an edit
    came in during the rebuild and rolled it back (the issues stay marked)."""
    outermost = not connection.in_atomic_block
    with _issue_locks(issue_ids):
        try:
            with transaction.atomic():
                if outermost and connection.vendor == "postgresql":
                    # Generations, inputs and fingerprints from one snapshot.
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                return _rebuild_in_snapshot(issue_ids, force=force)
        except DatabaseError as error:
            if getattr(error.__cause__, "sqlstate", None) == "40001":  # serialization failure
                logger.info("timelines of issues %s: an edit came in during the rebuild; they stay marked", issue_ids)
                return None
            raise


def _states(issue_ids: list[int]) -> dict[int, TimelineState]:
    """The timeline states of the issues that exist, made for those that have none yet."""
    states = {state.issue_id: state for state in TimelineState.objects.filter(issue_id__in=issue_ids)}
    missing = [issue_id for issue_id in issue_ids if issue_id not in states]
    if missing:
        found = list(Issue.objects.filter(pk__in=missing).values_list("pk", flat=True))
        if found:
            _ensure_states(found)
            states |= {state.issue_id: state for state in TimelineState.objects.filter(issue_id__in=found)}
    return states


class _InPython:
    """The Python builder (SQLite): the inputs of the batch read once, each timeline built
    and fingerprinted as the database takes the entries of the one before."""

    def __init__(self, issue_ids: list[int]) -> None:
        self.inputs = builder.load_many(issue_ids)
        self.digests: dict[int, str] = {}

    def _digest(self, issue_id: int) -> str:
        if issue_id not in self.digests:
            self.digests[issue_id] = builder.fingerprint(self.inputs[issue_id])
        return self.digests[issue_id]

    def fingerprints(self) -> dict[int, str]:
        return {issue_id: self._digest(issue_id) for issue_id in self.inputs}

    def write(self, issue_ids: list[int]) -> tuple[dict[int, int], dict[int, str]]:
        def entries() -> Iterator[tuple[int, list[builder.BuiltEntry]]]:
            for issue_id in issue_ids:
                self._digest(issue_id)
                yield issue_id, builder.build(self.inputs[issue_id])

        counts = insert_entries(entries())
        return counts, {issue_id: self._digest(issue_id) for issue_id in issue_ids}


class _InDatabase:
    """The builder in SQL (PostgreSQL): the inputs never leave the server."""

    def __init__(self, issue_ids: list[int]) -> None:
        self.issue_ids = issue_ids

    def fingerprints(self) -> dict[int, str]:
        return in_database.fingerprints(self.issue_ids)

    def write(self, issue_ids: list[int]) -> tuple[dict[int, int], dict[int, str]]:
        written = in_database.insert_entries(issue_ids)
        return {i: count for i, (count, _) in written.items()}, {i: digest for i, (_, digest) in written.items()}


def timelines_of(issue_ids: list[int]) -> _InPython | _InDatabase:
    """The builder of these issues' timelines on this database, in the rebuild's snapshot:
    their fingerprints, and their entries written (once the old ones are deleted), with
    how many each has and the fingerprint each was built from."""
    return _InDatabase(issue_ids) if connection.vendor == "postgresql" else _InPython(issue_ids)


def fingerprints(issue_ids: list[int]) -> dict[int, str]:
    """The fingerprint of the inputs of each of these issues (those that exist), as the
    rebuild records it: a digest that changes whenever any record behind the timeline does."""
    return timelines_of(issue_ids).fingerprints()


def _rebuild_in_snapshot(issue_ids: list[int], *, force: bool) -> dict[int, Rebuilt]:
    states = _states(issue_ids)
    ids = [issue_id for issue_id in issue_ids if issue_id in states]
    if not ids:
        return {}
    timelines = timelines_of(ids)
    # Forced, every timeline is rebuilt, and fingerprinted as it is; otherwise the
    # fingerprints say first which timelines to rebuild.
    digests = {} if force else timelines.fingerprints()
    built = [
        issue_id
        for issue_id in ids
        if force or digests[issue_id] != states[issue_id].fingerprint or states[issue_id].built_at is None
    ]
    counts: dict[int, int] = {}
    built_digests: dict[int, str] = {}
    if built:
        TimelineEntry.objects.filter(issue_id__in=built).delete()
        counts, built_digests = timelines.write(built)
    rebuilt = set(built)
    generations = {issue_id: states[issue_id].generation for issue_id in ids}
    current = _clear_marks(built_digests, generations)
    _log_rebuilt({issue_id: generations[issue_id] for issue_id in built})
    unchanged = [issue_id for issue_id in ids if issue_id not in rebuilt]
    if unchanged:
        counted = TimelineEntry.objects.filter(issue_id__in=unchanged).values("issue_id").annotate(count=Count("pk"))
        counts |= {issue_id: 0 for issue_id in unchanged} | {row["issue_id"]: row["count"] for row in counted}
    return {
        issue_id: Rebuilt(issue_id=issue_id, changed=issue_id in rebuilt, current=issue_id in current,
                          entries=counts[issue_id])
        for issue_id in ids
    }  # fmt: skip


def _clear_marks(digests: dict[int, str], generations: dict[int, int]) -> set[int]:
    """Record what was built (`digests`, by issue) and clear the marks of the issues whose
    generation is still the one the rebuild read; the issues whose mark was cleared."""
    cleared: set[int] = set()
    rebuilt = [issue_id for issue_id in generations if issue_id in digests]
    unchanged = [issue_id for issue_id in generations if issue_id not in digests]
    for issue_ids in (rebuilt, unchanged):
        if not issue_ids:
            continue
        read = Q()
        for issue_id in issue_ids:
            read |= Q(issue_id=issue_id, generation=generations[issue_id])
        done: dict[str, Any] = {"built_generation": F("generation"), "marked_since": None}
        if issue_ids is rebuilt:
            digest = Case(*(When(issue_id=issue_id, then=Value(digests[issue_id])) for issue_id in issue_ids))
            done |= {"built_at": timezone.now(), "fingerprint": digest}
        updated = TimelineState.objects.filter(read).update(**done)
        if updated == len(issue_ids):
            cleared.update(issue_ids)
        elif updated:  # an edit came in for some of them (never in a snapshot, which fails instead)
            states = TimelineState.objects.filter(issue_id__in=issue_ids, built_generation=F("generation"))
            cleared.update(i for i, generation in states.values_list("issue_id", "generation")
                           if generation == generations[i])  # fmt: skip
    return cleared


def insert_entries(entries: Iterable[tuple[int, list[builder.BuiltEntry]]]) -> dict[int, int]:
    """Insert the entries given for each issue (built as they are asked for), in one COPY on
    PostgreSQL; how many each issue has."""
    counts: dict[int, int] = {}
    encoded: dict[int, str] = {}

    def sources_json(sources: tuple[builder.SourceRef, ...]) -> str:
        # The JSON of each source once (by its UUID): a source is cited by many entries.
        parts = []
        for source in sources:
            part = encoded.get(source.uuid.int)
            if part is None:
                part = encoded[source.uuid.int] = json.dumps(
                    {"uuid": str(source.uuid), "outlet": source.outlet, "title": source.title, "url": source.url}
                )
            parts.append(part)
        return f"[{', '.join(parts)}]"

    def rows() -> Iterator[tuple[Any, ...]]:
        for issue_id, built in entries:
            counts[issue_id] = len(built)
            for position, entry in enumerate(built):
                yield (issue_id, position, entry.key, entry.kind, entry.date, entry.date_precision, entry.round_id,
                       entry.party_id, entry.title[:500], entry.text, entry.before[:200], entry.after[:200],
                       entry.record_type, entry.record_uuid, sources_json(entry.sources))  # fmt: skip

    insert_rows(TimelineEntry, _ENTRY_FIELDS, rows(), using=connection.alias, encoded_json=True)
    return counts


def _log_rebuilt(generations: dict[int, int]) -> None:
    """One "timeline rebuilt" event in the change log (and so in the changes feed) for each
    issue, named by the issue's UUID, instead of one per entry; in the order of the issues."""
    if not generations:
        return
    names = {pk: (uuid, slug) for pk, uuid, slug in Issue.objects.filter(pk__in=list(generations)).values_list(
        "pk", "uuid", "slug")}  # fmt: skip
    Change.objects.bulk_create(
        Change(
            action=Change.Action.REBUILD,
            record_type="issues.timeline",
            record_uuid=names[issue_id][0],
            record_version=generation,
            changed_fields=["entries"],
            refs={"issue": names[issue_id][1]},
        )
        for issue_id, generation in generations.items()
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
    ids = list(Issue.objects.order_by("pk").values_list("pk", flat=True))
    stale = []
    size = _batch_size()
    for start in range(0, len(ids), size):
        batch = ids[start : start + size]
        digests = fingerprints(batch)
        stale += [issue_id for issue_id in batch if issue_id in digests and digests[issue_id] != states.get(issue_id)]
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
