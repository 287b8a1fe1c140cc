"""The subscriptions' services: every write to a subscription or a delivery goes through
them, from the API and the pages alike. They check who may subscribe and what a
subscription holds, and raise ValidationError (per field) or PermissionDenied."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from issues.models import Issue
from negotrack.groups import may_subscribe
from rounds.models import Process
from webhooks import targets
from webhooks.models import Delivery, EventType, Subscription

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Account

    from negotrack.records import User

MOST_SUBSCRIPTIONS = 20  # an account's


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _require_subscriber(by: User) -> None:
    if not may_subscribe(by):
        raise PermissionDenied("Only subscribers, editors and reviewers have webhook subscriptions.")


def _clean(*, url: str, events: Sequence[str], process: Process | None, issue: Issue | None) -> list[str]:
    errors: dict[str, list[str]] = {}
    try:
        targets.resolve(url)
    except targets.UnsafeTarget as refused:
        errors["url"] = [str(refused)]
    known = set(EventType.values)
    unknown = [event for event in events if event not in known]
    if unknown:
        errors["events"] = [f"{unknown[0][:40]!r} is not an event: {', '.join(EventType.values)}."]
    elif not events:
        errors["events"] = ["Choose at least one event."]
    if process is not None and issue is not None:
        errors["issue"] = ["Filter by one process or one agenda issue, not both."]
    if errors:
        raise ValidationError(errors)
    return [event for event in EventType.values if event in set(events)]  # in a fixed order, once each


def subscription_create(
    *, by: User, url: str, events: Sequence[str], process: Process | None = None, issue: Issue | None = None
) -> Subscription:
    """A new subscription of `by`'s, with a new secret (shown to them once)."""
    _require_subscriber(by)
    chosen = _clean(url=url, events=events, process=process, issue=issue)
    with transaction.atomic():
        if Subscription.objects.owned_by(by).count() >= MOST_SUBSCRIPTIONS:
            raise ValidationError(f"An account has at most {MOST_SUBSCRIPTIONS} subscriptions: delete one first.")
        return Subscription.objects.create(
            owner=cast("Account", by), url=url, events=chosen, process=process, issue=issue, secret=new_secret()
        )


def subscription_update(
    subscription: Subscription,
    *,
    by: User,
    url: str,
    events: Sequence[str],
    process: Process | None,
    issue: Issue | None,
) -> Subscription:
    _require_owner(subscription, by)
    chosen = _clean(url=url, events=events, process=process, issue=issue)
    subscription.url, subscription.events, subscription.process, subscription.issue = url, chosen, process, issue
    subscription.updated_at = timezone.now()
    subscription.save(update_fields=["url", "events", "process", "issue", "updated_at"])
    return subscription


def _require_owner(subscription: Subscription, by: User) -> None:
    _require_subscriber(by)
    if subscription.owner_id != by.pk:
        raise PermissionDenied("This subscription is another account's.")


def subscription_delete(subscription: Subscription, *, by: User) -> None:
    _require_owner(subscription, by)
    subscription.delete()


def secret_rotate(subscription: Subscription, *, by: User) -> Subscription:
    """A new secret; the old one signs nothing from now on."""
    _require_owner(subscription, by)
    subscription.secret, subscription.updated_at = new_secret(), timezone.now()
    subscription.save(update_fields=["secret", "updated_at"])
    return subscription


def subscription_resume(subscription: Subscription, *, by: User) -> Subscription:
    """Send again to a subscription paused as failing: the deliveries waiting go out in order."""
    _require_owner(subscription, by)
    subscription.state, subscription.failing_since = Subscription.State.ACTIVE, None
    subscription.updated_at = timezone.now()
    subscription.save(update_fields=["state", "failing_since", "updated_at"])
    return subscription


def delivery_redeliver(delivery: Delivery, *, by: User) -> Delivery:
    """Send an event again: a new delivery of it, last in the subscription's line."""
    _require_owner(delivery.subscription, by)
    return Delivery.objects.create(
        subscription=delivery.subscription, event_id=delivery.event_id, redelivery_of=delivery
    )
