"""Webhooks end to end, to a real receiver on loopback: each event once, in order, signed;
retried through a receiver's failures; nothing from a rolled-back write; a private address
refused at delivery; a day of failures pauses the subscription; and the dispatch's queries
do not grow with the events of a batch."""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from issues import services
from issues.models import Statement
from negotrack.groups import SUBSCRIBERS, add_to_group
from tests.factories import AgreementFactory, IssueFactory, IssueStatusFactory, ProcessFactory, StatementFactory
from tests.feed import FEED_DB, settle
from tests.webhooks.receiver import Receiver, signature_is_valid
from webhooks import delivery, dispatch
from webhooks.models import Attempt, Delivery, Event, EventType, Subscription

# Committed: the dispatcher follows the change log's settled cursor, which a test's own
# open transaction would hold back on PostgreSQL.
pytestmark = FEED_DB

ALL_EVENTS = list(EventType.values)


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True  # the receiver listens on loopback
    server = Receiver()
    yield server
    server.stop()


@pytest.fixture
def subscriber(django_user_model):
    user = django_user_model.objects.create_user("tool", password="pw-tool")
    add_to_group(user, SUBSCRIBERS)
    return user


def subscribe(token_api, user, url, events=ALL_EVENTS, **filters) -> dict:
    answer = token_api(user).post("/api/v1/webhooks/", {"url": url, "events": events, **filters}, format="json")
    assert answer.status_code == 201, answer.content
    return answer.json()


def send() -> datetime.datetime:
    """What the worker does after a commit: dispatch what has settled, send what is due.
    Returns the moment after the deliveries were made, for a test that moves the clock on."""
    settle()
    dispatch.dispatch()
    now = timezone.now()
    delivery.send_due(now=now)
    return now


def test_each_event_reaches_the_receiver_once_in_order_with_a_valid_signature(
    receiver, subscriber, reviewer, token_api
):
    made = subscribe(token_api, subscriber, receiver.url, events=[e for e in ALL_EVENTS if e != "timeline.rebuilt"])
    issue = IssueFactory()
    # Each step sent as the worker sends it, after its commit.
    statement = StatementFactory(process=issue.process, issues=[issue], publish=True, by=reviewer)
    send()
    agreement = AgreementFactory(process=issue.process, issues=[issue], publish=True, by=reviewer)
    send()
    status = IssueStatusFactory(issue=issue, status="stalled", publish=True, by=reviewer)
    send()
    StatementFactory(process=issue.process, issues=[issue])  # a draft: nothing public
    send()
    services.record_withdraw(statement, by=reviewer, note="Misattributed.")
    send()
    correction = services.correction_start(status, by=reviewer)
    correction.status = "progress"
    services.issue_status_save(correction, by=reviewer)
    send()
    services.draft_publish(correction, by=reviewer)
    settle()
    call_command("send_webhooks", stdout=StringIO())
    call_command("send_webhooks", stdout=StringIO())  # again: nothing more

    events = receiver.accepted()
    assert [(e["type"], e["data"]["slug" if e["type"] == "status.changed" else "uuid"]) for e in events] == [
        ("statement.published", str(statement.uuid)),
        ("agreement.published", str(agreement.uuid)),
        ("status.changed", issue.slug),
        ("record.withdrawn", str(statement.uuid)),
        ("record.corrected", str(correction.uuid)),
        ("status.changed", issue.slug),
    ]
    assert len({event["id"] for event in events}) == len(events) == len(receiver.received)
    secret = Subscription.objects.get(uuid=made["uuid"]).secret
    assert made["secret"] == secret
    for request in receiver.received:
        assert signature_is_valid(secret, request)
        assert request["headers"]["X-Negotrack-Event-Id"] == json.loads(request["body"])["id"]
        assert request["path"] == "/hooks/negotrack?from=tests"
    withdrawn = next(event for event in events if event["type"] == "record.withdrawn")
    assert withdrawn["data"]["state"] == "withdrawn" and withdrawn["data"]["notice"]["note"] == "Misattributed."
    corrected = next(event for event in events if event["type"] == "record.corrected")
    assert corrected["data"]["revises"] == str(status.uuid) and corrected["data"]["status"] == "progress"
    first_status, last_status = [event for event in events if event["type"] == "status.changed"]
    assert first_status["previous"] is None and first_status["data"]["current_status"]["status"] == "stalled"
    assert last_status["data"]["current_status"]["status"] == "progress"
    assert last_status["previous"] == {"uuid": str(status.uuid), "status": "stalled"}
    # Each attempt is kept: its answer's status, time and first bytes (no more than 1 KB).
    attempt = Attempt.objects.filter(status_code=200).first()
    assert (
        attempt.duration_ms >= 0
        and attempt.response_excerpt.startswith("thanks")
        and len(attempt.response_excerpt) == 1024
    )


def test_a_filter_on_one_agenda_issue_sends_only_that_issues_events(receiver, subscriber, reviewer, token_api):
    watched, other = IssueFactory(), IssueFactory()
    subscribe(token_api, subscriber, receiver.url, events=["statement.published"], issue=watched.slug)
    mine = StatementFactory(process=watched.process, issues=[watched], publish=True, by=reviewer)
    StatementFactory(process=other.process, issues=[other], publish=True, by=reviewer)
    send()
    assert [event["data"]["uuid"] for event in receiver.accepted()] == [str(mine.uuid)]


def test_the_next_event_waits_while_the_receiver_answers_500_three_times_then_all_arrive_in_order(
    receiver, subscriber, reviewer, token_api
):
    subscribe(token_api, subscriber, receiver.url, events=["statement.published"])
    process = ProcessFactory()
    published = [StatementFactory(process=process, text=f"Statement {n}.", publish=True, by=reviewer) for n in range(3)]
    receiver.failures_left = 3
    now = send()
    # The first failed; the others wait behind it rather than overtake it.
    assert [each["status"] for each in receiver.received] == [500]
    for minutes in (1, 3, 10):  # past each back-off: 30 s, 60 s, 120 s
        delivery.send_due(now=now + datetime.timedelta(minutes=minutes))
    assert [each["status"] for each in receiver.received] == [500, 500, 500, 200, 200, 200]
    assert [event["data"]["uuid"] for event in receiver.accepted()] == [str(s.uuid) for s in published]
    first = Delivery.objects.order_by("id").first()
    assert first.state == "delivered" and first.attempts == 4
    assert list(first.attempt_set.order_by("at").values_list("status_code", flat=True)) == [500, 500, 500, 200]


def test_a_rolled_back_write_sends_nothing(receiver, subscriber, reviewer, token_api):
    subscribe(token_api, subscriber, receiver.url)
    process = ProcessFactory()
    draft = StatementFactory(process=process)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.draft_publish(Statement.objects.get(pk=draft.pk), by=reviewer)
        raise RuntimeError("the request failed after publishing")
    send()
    assert Statement.objects.get(pk=draft.pk).state == "draft"
    assert receiver.received == []
    assert not Event.objects.exists()


def test_a_target_that_became_private_is_refused_at_delivery(receiver, subscriber, reviewer, token_api, settings):
    made = subscribe(token_api, subscriber, receiver.url, events=["statement.published"])
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    StatementFactory(publish=True, by=reviewer)
    send()
    assert receiver.received == []
    attempt = Attempt.objects.get(delivery__subscription__uuid=made["uuid"])
    assert attempt.status_code is None
    assert attempt.error.startswith("refused: The host '127.0.0.1' resolves to 127.0.0.1, a loopback address")
    assert Delivery.objects.get().state == "pending"  # retried later, the check made again


def test_a_day_of_failures_pauses_the_subscription_as_failing_and_resuming_sends_the_rest(
    receiver, subscriber, reviewer, token_api
):
    made = subscribe(token_api, subscriber, receiver.url, events=["statement.published"])
    process = ProcessFactory()
    StatementFactory(process=process, text="First.", publish=True, by=reviewer)
    second = StatementFactory(process=process, text="Second.", publish=True, by=reviewer)
    receiver.failures_left = 10**6
    now = send()
    for hours in range(1, 26):
        delivery.send_due(now=now + datetime.timedelta(hours=hours))
    subscription = Subscription.objects.get(uuid=made["uuid"])
    assert subscription.state == "failing" and subscription.failing_since is not None
    first = Delivery.objects.order_by("id").first()
    assert first.state == "failed" and 5 < first.attempts < 40
    assert Delivery.objects.order_by("id").last().attempts == 0  # the second waited all along
    listed = token_api(subscriber).get("/api/v1/webhooks/").json()["results"][0]
    assert listed["state"] == "failing"

    receiver.failures_left = 0
    assert token_api(subscriber).post(f"/api/v1/webhooks/{made['uuid']}/resume/").status_code == 200
    delivery.send_due(now=now + datetime.timedelta(hours=26))
    assert [event["data"]["uuid"] for event in receiver.accepted()] == [str(second.uuid)]
    # The given-up one can be sent again on request.
    redelivered = token_api(subscriber).post(f"/api/v1/webhooks/{made['uuid']}/deliveries/{first.uuid}/redeliver/")
    assert redelivered.status_code == 201, redelivered.content
    delivery.send_due(now=now + datetime.timedelta(hours=26))
    assert len(receiver.accepted()) == 2 and receiver.accepted()[1]["id"] == str(first.event_id)


def test_a_dispatch_batch_costs_the_same_queries_for_5_events_as_for_50(receiver, subscriber, reviewer, token_api):
    for n in range(3):
        subscribe(token_api, subscriber, receiver.url + f"&n={n}")
    process = ProcessFactory()
    issues = [IssueFactory(process=process) for _ in range(3)]
    dispatch.dispatch()

    def queries_for(count: int) -> int:
        for n in range(count):
            StatementFactory(process=process, issues=issues[:2], text=f"Batch of {count}, number {n}.",
                             publish=True, by=reviewer)  # fmt: skip
        settle()
        with CaptureQueriesContext(connection) as captured:
            read, stored = dispatch.dispatch_batch()
        assert stored >= count  # a statement's publication and its timelines' rebuilds
        # SQLite splits a bulk insert into parts of 999 parameters; PostgreSQL makes it one.
        split = connection.vendor == "sqlite"
        return len([q for q in captured if not (split and q["sql"].startswith("INSERT"))])

    assert queries_for(5) == queries_for(50)
