"""From the change log to deliveries: the dispatcher follows the change log with the
changes feed's settled cursor (negotrack.changes.cursor), so that nothing committed is
missed and nothing rolled back is sent, turns each public change into events, and stores
one Delivery per (subscription, event) in the transaction that moves its own cursor.

A batch costs a fixed number of queries, whatever its number of events or subscriptions:
one per kind of record it names (with that kind's prefetches), one for the timelines, one
for the agenda issues' current statuses.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from issues.api.serializers.issues import IssueSerializer, TimelineSerializer
from issues.api.views.assessments import AgreementViewSet, IssueStatusViewSet, PositionViewSet
from issues.api.views.issues import IssueViewSet
from issues.api.views.statements import StatementViewSet
from issues.models import Issue, TimelineEntry, TimelineState
from negotrack.changes.cursor import FeedCursor, settled_changes
from negotrack.models import Change
from webhooks.models import AnnouncedStatus, Delivery, DispatchCursor, Event, EventType, Subscription

BATCH = 500

# Each publishable kind of record: how the API reads it (its queryset and serializer).
PUBLISHABLE_VIEWS: dict[str, Any] = {
    "issues.statement": StatementViewSet,
    "issues.issuestatus": IssueStatusViewSet,
    "issues.position": PositionViewSet,
    "issues.agreement": AgreementViewSet,
}
TIMELINE = "issues.timeline"
PUBLISHED_EVENTS = {
    "issues.statement": EventType.STATEMENT_PUBLISHED,
    "issues.agreement": EventType.AGREEMENT_PUBLISHED,
}
STATUS = "issues.issuestatus"
MOVES_STATUS = {Change.Action.PUBLISH, Change.Action.WITHDRAW, Change.Action.SUPERSEDE}


@dataclass
class Pending:
    """An event before it is stored: its type, the record's public representation, and
    what a subscription's filter compares."""

    type: str
    data: dict[str, Any]
    process_id: int | None
    issue_ids: set[int]
    extra: dict[str, Any] = field(default_factory=dict)


def event_type(change: Change, revises: bool) -> str | None:
    """The event a public change makes, or None."""
    if change.record_type == TIMELINE and change.action == Change.Action.REBUILD:
        return EventType.TIMELINE_REBUILT
    if change.record_type not in PUBLISHABLE_VIEWS:
        return None
    if change.action == Change.Action.WITHDRAW:
        return EventType.RECORD_WITHDRAWN
    if change.action == Change.Action.PUBLISH:
        return EventType.RECORD_CORRECTED if revises else PUBLISHED_EVENTS.get(change.record_type)
    return None


def _records(changes: list[Change]) -> dict[tuple[str, uuid.UUID], tuple[Any, dict[str, Any]]]:
    """Each publishable record the changes name, with its representation: one query (and
    its prefetches) per kind of record."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for change in changes:
        if change.record_type in PUBLISHABLE_VIEWS:
            wanted[change.record_type].add(change.record_uuid)
    found = {}
    for label, uuids in wanted.items():
        view = PUBLISHABLE_VIEWS[label]()
        for record in view.base_queryset().filter(uuid__in=uuids):
            found[label, record.uuid] = (record, dict(view.serializer_class(record).data))
    return found


def _filter_keys(record: Any) -> tuple[int | None, set[int]]:
    """The process and agenda issues a record concerns, as a subscription filters them."""
    issue = getattr(record, "issue", None)
    if issue is not None:
        return issue.process_id, {issue.pk}
    return record.process_id, {linked.pk for linked in record.issues.all()}


def _timelines(issue_uuids: set[uuid.UUID]) -> dict[uuid.UUID, Pending]:
    """The timelines of these issues as the API shows them: two queries for them all."""
    if not issue_uuids:
        return {}
    issues = {issue.pk: issue for issue in Issue.objects.filter(uuid__in=issue_uuids)}
    states = {state.issue_id: state for state in TimelineState.objects.filter(issue_id__in=issues)}
    entries: dict[int, list[TimelineEntry]] = defaultdict(list)
    for entry in (
        TimelineEntry.objects.filter(issue_id__in=issues).select_related("round", "party").order_by("issue", "position")
    ):
        entries[entry.issue_id].append(entry)
    made = {}
    for issue_id, issue in issues.items():
        state = states.get(issue_id)
        answer = {
            "issue": issue.slug,
            "built_at": state.built_at if state else None,
            "is_current": bool(state and state.is_current and state.built_at),
            "entries": entries[issue_id],
        }
        made[issue.uuid] = Pending(
            EventType.TIMELINE_REBUILT, dict(TimelineSerializer(answer).data), issue.process_id, {issue_id}
        )
    return made


def _moved_statuses() -> list[tuple[int, uuid.UUID | None, str]]:
    """Agenda issues whose current status is not the one last announced: (issue, the
    current status's UUID, its value). One query, over the issues."""
    announced = AnnouncedStatus.objects.filter(issue=OuterRef("pk"))
    rows = Issue.objects.annotate(
        announced=Subquery(announced.values("status_uuid")), announced_status=Subquery(announced.values("status"))
    ).values_list("pk", "current_status__uuid", "current_status__status", "announced", "announced_status")
    return [
        (pk, current, status or "")
        for pk, current, status, seen, seen_status in rows
        if current != seen or (status or "") != (seen_status or "")
    ]


def _status_events(moved: list[tuple[int, uuid.UUID | None, str]]) -> dict[int, Pending]:
    if not moved:
        return {}
    previous = {row.issue_id: row for row in AnnouncedStatus.objects.filter(issue_id__in=[pk for pk, *_ in moved])}
    issues: QuerySet[Issue] = IssueViewSet().get_queryset().filter(pk__in=[pk for pk, *_ in moved])
    made = {}
    for issue in issues:
        before = previous.get(issue.pk)
        was = {"uuid": str(before.status_uuid), "status": before.status} if before and before.status_uuid else None
        made[issue.pk] = Pending(
            EventType.STATUS_CHANGED, dict(IssueSerializer(issue).data), issue.process_id, {issue.pk}, {"previous": was}
        )
    return made


def _announce(moved: list[tuple[int, uuid.UUID | None, str]]) -> None:
    if not moved:
        return
    AnnouncedStatus.objects.bulk_create(
        [AnnouncedStatus(issue_id=pk, status_uuid=current, status=status) for pk, current, status in moved],
        update_conflicts=True,
        unique_fields=["issue"],
        update_fields=["status_uuid", "status"],
    )


def events_for(changes: list[Change], moved: list[tuple[int, uuid.UUID | None, str]]) -> list[Pending]:
    """The events of a batch of changes, in the changes' order. An issue's status.changed
    compares its current status with the one last announced, once a batch: it comes right
    after the batch's last change to the issue's statuses (or at the end, when something
    else moved it: a round's dates)."""
    records = _records(changes)
    timelines = _timelines({c.record_uuid for c in changes if c.record_type == TIMELINE})
    statuses = _status_events(moved)
    last_status_change = {}
    for position, change in enumerate(changes):
        found = records.get((change.record_type, change.record_uuid))
        if change.record_type == STATUS and change.action in MOVES_STATUS and found is not None:
            last_status_change[found[0].issue_id] = position
    made: list[Pending] = []
    for position, change in enumerate(changes):
        found = records.get((change.record_type, change.record_uuid))
        record, data = found if found else (None, None)
        kind = event_type(change, revises=bool(record is not None and record.revises_id))
        if kind == EventType.TIMELINE_REBUILT and change.record_uuid in timelines:
            made.append(timelines[change.record_uuid])
        elif kind is not None and record is not None and data is not None:
            process_id, issue_ids = _filter_keys(record)
            made.append(Pending(kind, data, process_id, issue_ids))
        if record is not None and last_status_change.get(getattr(record, "issue_id", None)) == position:
            moved_here = statuses.pop(record.issue_id, None)
            if moved_here is not None:
                made.append(moved_here)
    made.extend(statuses.values())
    return made


def matches(subscription: Subscription, pending: Pending) -> bool:
    if pending.type not in subscription.events:
        return False
    if subscription.process_id is not None and subscription.process_id != pending.process_id:
        return False
    return subscription.issue_id is None or subscription.issue_id in pending.issue_ids


def body(event_id: uuid.UUID, pending: Pending, created_at: Any) -> str:
    envelope = {"id": str(event_id), "type": pending.type, "created_at": created_at, **pending.extra}
    envelope["data"] = pending.data
    return JSONRenderer().render(envelope).decode()


def store(pending: Iterable[Pending], subscriptions: list[Subscription]) -> int:
    """One Event per pending event some subscription matches, one Delivery per match, in
    order. Returns the number of events stored."""
    now = timezone.now()
    events, deliveries = [], []
    for each in pending:
        matched = [subscription for subscription in subscriptions if matches(subscription, each)]
        if not matched:
            continue
        event = Event(id=uuid.uuid4(), type=each.type, created_at=now)
        event.body = body(event.id, each, now)
        events.append(event)
        deliveries += [
            Delivery(subscription=subscription, event=event, next_attempt_at=now) for subscription in matched
        ]
    Event.objects.bulk_create(events)
    Delivery.objects.bulk_create(deliveries)
    return len(events)


def dispatch_batch(*, batch: int = BATCH) -> tuple[int, int]:
    """Read up to `batch` settled changes after the cursor, store their events' deliveries,
    and move the cursor, in one transaction. Returns (changes read, events stored)."""
    with transaction.atomic():
        # One dispatcher at a time: the others wait here, then read after the new cursor.
        cursor, _ = DispatchCursor.objects.select_for_update().get_or_create(pk=1)
        position = FeedCursor(cursor.txid, cursor.change_id)
        changes = list(settled_changes(drafts=False).filter(position.after()).order_by("txid", "id")[:batch])
        if not changes:
            return 0, 0
        moved = _moved_statuses()
        # A paused subscription keeps its place in line: its events wait for it to resume.
        subscriptions = list(Subscription.objects.all())
        wanted = {event for subscription in subscriptions for event in subscription.events}
        stored = 0
        if subscriptions:
            pending = [each for each in events_for(changes, moved) if each.type in wanted]
            stored = store(pending, subscriptions)
        _announce(moved)
        cursor.txid, cursor.change_id, cursor.moved_at = changes[-1].txid, changes[-1].id, timezone.now()
        cursor.save()
    return len(changes), stored


def dispatch(*, batch: int = BATCH) -> int:
    """Dispatch until the cursor has caught up with what has settled; returns the events stored."""
    stored = 0
    while True:
        read, made = dispatch_batch(batch=batch)
        stored += made
        if read < batch:
            return stored
