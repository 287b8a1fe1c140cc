"""Webhooks: who subscribes to which events, the events taken from the change log, and
each delivery of an event to a subscription with its attempts.

A subscription belongs to one account and is not part of the record: no history, no
change log, no review. The dispatcher (webhooks.dispatch) follows the change log with the
changes feed's settled cursor and stores one Delivery per (subscription, event) in the
transaction that moves its own cursor (DispatchCursor); the sender (webhooks.delivery)
posts them, one subscription's strictly in order.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from issues.models import Issue
from rounds.models import Process

URL_LENGTH = 2000
EXCERPT_BYTES = 1024  # of a receiver's answer, kept with each attempt


class EventType(models.TextChoices):
    """The events a subscription can ask for; the README defines each."""

    STATUS_CHANGED = "status.changed", "an agenda issue's current status in the public record changed"
    STATEMENT_PUBLISHED = "statement.published", "a statement was published (a correction sends record.corrected)"
    AGREEMENT_PUBLISHED = "agreement.published", "an agreement was published (a correction sends record.corrected)"
    RECORD_WITHDRAWN = "record.withdrawn", "a published statement, status, position or agreement was withdrawn"
    RECORD_CORRECTED = "record.corrected", "a correction was published, superseding the record it corrects"
    TIMELINE_REBUILT = "timeline.rebuilt", "an agenda issue's timeline was rebuilt with different entries"


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def owned_by(self, user: object) -> SubscriptionQuerySet:
        return self.filter(owner=user)

    def active(self) -> SubscriptionQuerySet:
        return self.filter(state=Subscription.State.ACTIVE)


class Subscription(models.Model):
    class State(models.TextChoices):
        ACTIVE = "active", "active"
        FAILING = "failing", "paused: a delivery failed for a day; resume to go on"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="UUID")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhook_subscriptions")
    url = models.CharField(max_length=URL_LENGTH, verbose_name="URL", help_text="where the events are POSTed")
    events = models.JSONField(default=list, help_text="the event types sent, a list of EventType values")
    process = models.ForeignKey(
        Process, null=True, blank=True, on_delete=models.CASCADE, related_name="+", help_text="only this process's"
    )
    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.CASCADE, related_name="+", help_text="only this agenda issue's"
    )
    secret = models.CharField(max_length=100, help_text="the signing key, shown to its owner once")
    state = models.CharField(max_length=16, choices=State.choices, default=State.ACTIVE)
    failing_since = models.DateTimeField(null=True, blank=True, help_text="when it was paused for failing")
    # One sender at a time per subscription, without a transaction held open over HTTP.
    sending_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(process__isnull=True) | models.Q(issue__isnull=True),
                name="subscription_one_filter",
                violation_error_message="Filter by one process or one agenda issue, not both.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.url} ({', '.join(self.events)})"


class Event(models.Model):
    """One event, sent to every subscription that matched it when it was dispatched. The
    body is kept as the bytes sent, so that every attempt and redelivery sends the same."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(max_length=32, choices=EventType.choices)
    created_at = models.DateTimeField(default=timezone.now)
    body = models.TextField(help_text="the JSON sent: id, type, created_at, data")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"


class Delivery(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "waiting to be sent, or to be retried"
        DELIVERED = "delivered", "answered 2xx"
        FAILED = "failed", "given up after a day of failed attempts"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="UUID")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True, help_text="when it was delivered or given up")
    redelivery_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        # A subscription's deliveries go out in the order of their ids.
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["subscription", "id"], name="delivery_queue_idx", condition=models.Q(state="pending"))
        ]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.event} to {self.subscription_id}: {self.state}"


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_set")
    at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True, help_text="null when nothing answered")
    duration_ms = models.PositiveIntegerField()
    response_excerpt = models.TextField(blank=True, help_text=f"the first {EXCERPT_BYTES} bytes of the answer")
    error = models.CharField(max_length=300, blank=True, help_text="why it failed without an answer, or was refused")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.delivery_id} at {self.at:%Y-%m-%d %H:%M:%S}: {self.status_code or self.error}"


class DispatchCursor(models.Model):
    """How far the dispatcher has read the change log: one row, a position of the changes
    feed (negotrack.changes.cursor.FeedCursor)."""

    txid = models.BigIntegerField(default=0)
    change_id = models.BigIntegerField(default=0)
    moved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="webhooks_cursor_single_row")]

    def __str__(self) -> str:
        return f"{self.txid}.{self.change_id}"


class AnnouncedStatus(models.Model):
    """The current status of each agenda issue as the last status.changed event (or the
    webhooks' start) knew it: the dispatcher compares the current status with it."""

    issue = models.OneToOneField(Issue, primary_key=True, on_delete=models.CASCADE, related_name="+")
    status_uuid = models.UUIDField(null=True, blank=True)
    status = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.status or 'none'}"
