"""How long the webhooks' history is kept: a delivery that was delivered or given up, with
its attempts, for WEBHOOKS_RETENTION_DAYS after it finished; an event for as long as a delivery
of it is kept. A delivery still pending is never removed, however old.

Beat runs `prune` every hour (`webhooks.prune`), and `send_webhooks --every` does as often
where no worker runs. Each batch costs the same queries however many rows it removes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from webhooks.models import Attempt, Delivery, Event

BATCH_SIZE = 500  # rows a batch: within SQLite's 999 parameters a statement


@dataclass(frozen=True)
class Pruned:
    deliveries: int
    events: int


def keep_since(now: datetime.datetime | None = None) -> datetime.datetime:
    """The moment before which a finished delivery is no longer kept."""
    return (now or timezone.now()) - datetime.timedelta(days=settings.WEBHOOKS_RETENTION_DAYS)


def prune(now: datetime.datetime | None = None) -> Pruned:
    """Remove the deliveries finished before the retention period, their attempts, and the
    events none of whose deliveries are left; how many deliveries and events went."""
    since = keep_since(now)
    finished = Delivery.objects.exclude(state=Delivery.State.PENDING).filter(finished_at__lt=since)
    deliveries = _in_batches(finished, _remove_deliveries)
    unsent = Event.objects.filter(created_at__lt=since, deliveries__isnull=True)
    events = _in_batches(unsent, _remove_events)
    return Pruned(deliveries=deliveries, events=events)


def _in_batches(rows: QuerySet[Any], remove: Callable[[list[Any]], None]) -> int:
    removed = 0
    while batch := list(rows.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE]):
        with transaction.atomic():
            remove(batch)
        removed += len(batch)
        if len(batch) < BATCH_SIZE:
            break
    return removed


def _remove_deliveries(ids: list[int]) -> None:
    # A redelivery keeps its own history; it only stops naming the delivery it repeated.
    Delivery.objects.filter(redelivery_of__in=ids).update(redelivery_of=None)
    Attempt.objects.filter(delivery__in=ids).delete()
    Delivery.objects.filter(pk__in=ids).delete()


def _remove_events(ids: list[Any]) -> None:
    Event.objects.filter(pk__in=ids).delete()
