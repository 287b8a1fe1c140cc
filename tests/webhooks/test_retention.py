"""How long the webhooks' history is kept (webhooks/retention.py): finished deliveries and
their attempts for WEBHOOKS_RETENTION_DAYS, events while a delivery of theirs is kept, pending
deliveries until they finish."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from webhooks import retention, tasks
from webhooks.models import Attempt, Delivery, Event, EventType, Subscription

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def subscription(tool):
    return Subscription.objects.create(owner=tool, url="https://example.org/hook", events=[EventType.values[0]],
                                       secret="s")  # fmt: skip


def delivery(subscription, *, finished_days_ago=None, state=Delivery.State.DELIVERED, event=None, **fields):
    """A delivery with one attempt; finished that many days before NOW (None: pending)."""
    if finished_days_ago is None:
        state, finished_at = Delivery.State.PENDING, None
    else:
        finished_at = NOW - datetime.timedelta(days=finished_days_ago)
    event = event or Event.objects.create(type=EventType.values[0], body="{}",
                                          created_at=(finished_at or NOW) - datetime.timedelta(minutes=1))  # fmt: skip
    made = Delivery.objects.create(subscription=subscription, event=event, state=state, finished_at=finished_at,
                                   **fields)  # fmt: skip
    Attempt.objects.create(delivery=made, status_code=200 if state == Delivery.State.DELIVERED else 500,
                           duration_ms=12)  # fmt: skip
    return made


def test_finished_deliveries_past_the_period_go_with_their_attempts_and_events(settings, subscription):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    old_delivered = delivery(subscription, finished_days_ago=31)
    old_failed = delivery(subscription, finished_days_ago=45, state=Delivery.State.FAILED)
    recent = delivery(subscription, finished_days_ago=29)
    pending = delivery(subscription)
    # A pending delivery made long ago (a subscription paused as failing) stays, and so
    # does its event.
    pending_old = delivery(subscription, event=Event.objects.create(
        type=EventType.values[0], body="{}", created_at=NOW - datetime.timedelta(days=90)))  # fmt: skip

    assert retention.prune(NOW) == retention.Pruned(deliveries=2, events=2)

    assert set(Delivery.objects.all()) == {recent, pending, pending_old}
    assert set(Attempt.objects.values_list("delivery", flat=True)) == {recent.pk, pending.pk, pending_old.pk}
    assert set(Event.objects.all()) == {recent.event, pending.event, pending_old.event}
    assert not Event.objects.filter(pk__in=[old_delivered.event_id, old_failed.event_id]).exists()
    assert retention.prune(NOW) == retention.Pruned(deliveries=0, events=0)  # nothing more to do


def test_an_event_stays_while_any_of_its_deliveries_is_kept(settings, subscription, django_user_model):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    other = Subscription.objects.create(owner=subscription.owner, url="https://example.org/other",
                                        events=subscription.events, secret="t")  # fmt: skip
    old = delivery(subscription, finished_days_ago=40)
    kept = delivery(other, finished_days_ago=5, event=old.event)  # sent late to the other one
    assert retention.prune(NOW) == retention.Pruned(deliveries=1, events=0)
    assert list(Delivery.objects.all()) == [kept]
    assert Event.objects.filter(pk=old.event_id).exists()


def test_a_redelivery_outlives_the_delivery_it_repeated(settings, subscription):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    first = delivery(subscription, finished_days_ago=40, state=Delivery.State.FAILED)
    again = delivery(subscription, finished_days_ago=2, event=first.event, redelivery_of=first)
    retention.prune(NOW)
    again.refresh_from_db()
    assert again.redelivery_of is None
    assert list(Delivery.objects.all()) == [again]
    assert Event.objects.filter(pk=first.event_id).exists()


def test_the_period_is_the_setting(settings, subscription):
    delivery(subscription, finished_days_ago=8)
    settings.WEBHOOKS_RETENTION_DAYS = 10
    assert retention.prune(NOW).deliveries == 0
    settings.WEBHOOKS_RETENTION_DAYS = 7
    assert retention.prune(NOW).deliveries == 1


def test_a_batch_costs_the_same_queries_for_5_deliveries_as_for_50(settings, subscription):
    settings.WEBHOOKS_RETENTION_DAYS = 30

    def queries_for(count: int) -> int:
        for _ in range(count):
            delivery(subscription, finished_days_ago=40)
        with CaptureQueriesContext(connection) as captured:
            assert retention.prune(NOW) == retention.Pruned(deliveries=count, events=count)
        return len(captured)

    assert queries_for(5) == queries_for(50)


def test_more_than_a_batch_is_pruned_a_batch_at_a_time(settings, subscription, monkeypatch):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    monkeypatch.setattr(retention, "BATCH_SIZE", 4)
    for _ in range(10):
        delivery(subscription, finished_days_ago=40)
    assert retention.prune(NOW) == retention.Pruned(deliveries=10, events=10)
    assert not Delivery.objects.exists() and not Event.objects.exists() and not Attempt.objects.exists()


def test_beat_prunes_every_hour(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["prune-webhooks"]
    assert entry["task"] == tasks.prune_webhooks.name == "webhooks.prune"
    assert entry["schedule"] == 3600


def finished_days_before_now(made, days):
    Delivery.objects.filter(pk=made.pk).update(finished_at=timezone.now() - datetime.timedelta(days=days))
    return made


def test_the_task_prunes_as_of_now(settings, subscription):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    finished_days_before_now(delivery(subscription, finished_days_ago=0), 31)
    kept = finished_days_before_now(delivery(subscription, finished_days_ago=0), 29)
    assert tasks.prune_webhooks() == 1
    assert list(Delivery.objects.all()) == [kept]


def test_the_timer_of_send_webhooks_prunes_too(settings, subscription, monkeypatch):
    settings.WEBHOOKS_RETENTION_DAYS = 30
    finished_days_before_now(delivery(subscription, finished_days_ago=0), 31)

    def sleep(seconds):  # after one round of the timer, Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr("webhooks.management.commands.send_webhooks.time.sleep", sleep)
    call_command("send_webhooks", every=5, stdout=StringIO())
    assert not Delivery.objects.exists()
