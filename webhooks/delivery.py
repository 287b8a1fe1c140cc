"""Sending deliveries: signed, one subscription's strictly in order, retried with
exponential back-off for a day, then the subscription is paused as failing.

Never inside a web request: the Celery task after a commit and beat's reconciliation call
`send_due`, and so does `manage.py send_webhooks` (on a timer in `dev.py run`).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import http.client
import logging
import socket
import ssl
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from webhooks import targets
from webhooks.models import EXCERPT_BYTES, Attempt, Delivery, Subscription

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 5.0
RETRY_FOR = datetime.timedelta(days=1)
FIRST_RETRY_SECONDS = 30
LONGEST_WAIT_SECONDS = 3600
# A sender holds a subscription this long at most; a crashed one lets go by then.
LEASE = datetime.timedelta(seconds=60)
USER_AGENT = "negotrack-webhooks/1"

SIGNATURE_HEADER = "X-Negotrack-Signature"
TIMESTAMP_HEADER = "X-Negotrack-Timestamp"
EVENT_ID_HEADER = "X-Negotrack-Event-Id"
EVENT_TYPE_HEADER = "X-Negotrack-Event-Type"
DELIVERY_HEADER = "X-Negotrack-Delivery"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`sha256=` and the hex HMAC-SHA256, keyed by the secret, of "{timestamp}.{body}"."""
    signed = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def retry_wait(attempts: int) -> datetime.timedelta:
    """How long after its `attempts`-th failure a delivery is tried again: 30 s, doubling,
    at most an hour."""
    return datetime.timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_WAIT_SECONDS))


@dataclass
class Answer:
    status_code: int | None
    excerpt: str
    error: str
    duration_ms: int

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address, whatever the host name resolves to now."""

    def __init__(self, target: targets.Target) -> None:
        super().__init__(target.host, target.port, timeout=READ_TIMEOUT)
        self.target = target

    def connect(self) -> None:
        self.sock = socket.create_connection((self.target.address, self.target.port), CONNECT_TIMEOUT)
        self.sock.settimeout(READ_TIMEOUT)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: targets.Target) -> None:
        super().__init__(target.host, target.port, timeout=READ_TIMEOUT, context=ssl.create_default_context())
        self.target = target

    def connect(self) -> None:
        sock = socket.create_connection((self.target.address, self.target.port), CONNECT_TIMEOUT)
        sock.settimeout(READ_TIMEOUT)
        # The certificate is checked against the host name, at the checked address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.target.host)  # type: ignore[attr-defined]


def post(url: str, body: bytes, headers: dict[str, str]) -> Answer:
    """POST `body` to `url` after checking its target; never follows a redirect, reads at
    most EXCERPT_BYTES of the answer, never raises."""
    started = time.monotonic()

    def answer(status_code: int | None, excerpt: str = "", error: str = "") -> Answer:
        error = error.replace("\x00", "\ufffd")[:300]
        return Answer(status_code, excerpt, error, round((time.monotonic() - started) * 1000))

    try:
        target = targets.resolve(url)
    except targets.UnsafeTarget as refused:
        return answer(None, error=f"refused: {refused}")
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        excerpt = response.read(EXCERPT_BYTES)
        # PostgreSQL keeps no NUL in a text.
        return answer(response.status, excerpt.decode("utf-8", errors="replace").replace("\x00", "\ufffd"))
    except (OSError, http.client.HTTPException) as failed:
        return answer(None, error=f"{type(failed).__name__}: {failed}" if str(failed) else type(failed).__name__)
    finally:
        connection.close()


def headers_for(delivery: Delivery, secret: str, body: bytes, now: datetime.datetime) -> dict[str, str]:
    timestamp = int(now.timestamp())
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_ID_HEADER: str(delivery.event_id),
        EVENT_TYPE_HEADER: delivery.event.type,
        DELIVERY_HEADER: str(delivery.uuid),
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }


def _take(subscription_id: int) -> bool:
    """Hold the subscription for this sender, unless another holds it (by the real clock,
    whatever `now` a caller judges due-ness by)."""
    now = timezone.now()
    free = Q(sending_until__isnull=True) | Q(sending_until__lt=now)
    taken = Subscription.objects.filter(free, pk=subscription_id, state=Subscription.State.ACTIVE).update(
        sending_until=now + LEASE
    )
    return taken == 1


def _renew(subscription_id: int) -> None:
    """Hold it a lease longer, before each attempt: a long run of slow receivers never
    outlasts the hold, so no second sender overtakes it."""
    Subscription.objects.filter(pk=subscription_id).update(sending_until=timezone.now() + LEASE)


def _release(subscription_id: int) -> None:
    Subscription.objects.filter(pk=subscription_id).update(sending_until=None)


def _next_pending(subscription_id: int) -> Delivery | None:
    return (
        Delivery.objects.filter(subscription_id=subscription_id, state=Delivery.State.PENDING)
        .select_related("event", "subscription")
        .order_by("id")
        .first()
    )


def _record(delivery: Delivery, answer: Answer, now: datetime.datetime) -> bool:
    """Keep the attempt and move the delivery on; True when the next may go."""
    with transaction.atomic():
        Attempt.objects.create(
            delivery=delivery,
            at=now,
            status_code=answer.status_code,
            duration_ms=answer.duration_ms,
            response_excerpt=answer.excerpt,
            error=answer.error,
        )
        delivery.attempts += 1
        delivery.first_attempt_at = delivery.first_attempt_at or now
        if answer.succeeded:
            delivery.state, delivery.finished_at = Delivery.State.DELIVERED, now
        elif now - delivery.first_attempt_at >= RETRY_FOR:
            delivery.state, delivery.finished_at = Delivery.State.FAILED, now
            Subscription.objects.filter(pk=delivery.subscription_id).update(
                state=Subscription.State.FAILING, failing_since=now
            )
            logger.warning("webhook subscription %s paused: its deliveries failed for a day", delivery.subscription_id)
        else:
            delivery.next_attempt_at = now + retry_wait(delivery.attempts)
        delivery.save(update_fields=["state", "attempts", "first_attempt_at", "next_attempt_at", "finished_at"])
    return delivery.state != Delivery.State.PENDING


def send_subscription(subscription_id: int, *, now: datetime.datetime | None = None, most: int = 100) -> int:
    """Send the subscription's due deliveries in order, until one fails (the ones after it
    wait for it) or `most` were sent. Returns how many were delivered. `now`, when given,
    stands for the clock (the tests move it past the back-off)."""

    def clock() -> datetime.datetime:
        return now or timezone.now()

    if not _take(subscription_id):
        return 0
    delivered = 0
    try:
        for sent in range(most):
            delivery = _next_pending(subscription_id)
            if delivery is None or delivery.next_attempt_at > clock():
                break
            if sent:
                _renew(subscription_id)
            body = delivery.event.body.encode()
            # Signed with the real time, which receivers compare with their clock.
            headers = headers_for(delivery, delivery.subscription.secret, body, timezone.now())
            answer = post(delivery.subscription.url, body, headers)
            if not _record(delivery, answer, clock()):
                break
            if delivery.state == Delivery.State.FAILED:
                break  # the subscription is paused now
            delivered += 1
    finally:
        _release(subscription_id)
    return delivered


def due_subscriptions(now: datetime.datetime) -> list[int]:
    """Active subscriptions whose oldest pending delivery is due."""
    waiting = Delivery.objects.filter(state=Delivery.State.PENDING, subscription__state=Subscription.State.ACTIVE)
    due = waiting.filter(next_attempt_at__lte=now).values_list("subscription_id", flat=True).distinct()
    return sorted(set(due))


def send_due(*, now: datetime.datetime | None = None) -> int:
    """Send every due delivery; returns how many were delivered."""
    due = due_subscriptions(now or timezone.now())
    return sum(send_subscription(subscription_id, now=now) for subscription_id in due)
