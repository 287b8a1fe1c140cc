"""The webhooks page: a subscriber lists, makes (seeing the secret once), reads the
deliveries of, redelivers, rotates, resumes and deletes their own subscriptions; nobody
else reaches them."""

from __future__ import annotations

import pytest

from negotrack.groups import SUBSCRIBERS, add_to_group
from tests.factories import IssueFactory
from webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

PUBLIC = "https://93.184.216.34/hooks"


@pytest.fixture
def signed_in(client, tool):
    client.force_login(tool)
    return client


def test_a_subscriber_makes_a_subscription_and_sees_its_secret_once(signed_in, tool):
    issue = IssueFactory()
    answer = signed_in.post("/webhooks/", {"url": PUBLIC, "events": ["status.changed"], "issue": issue.slug})
    assert answer.status_code == 200
    made = Subscription.objects.get(owner=tool)
    assert made.issue == issue
    assert made.secret in answer.content.decode()
    assert "no-store" in answer["Cache-Control"]
    listing = signed_in.get("/webhooks/").content.decode()
    assert PUBLIC in listing and made.secret not in listing
    detail = signed_in.get(f"/webhooks/{made.uuid}/").content.decode()
    assert issue.name in detail and made.secret not in detail


@pytest.mark.parametrize(
    ("form", "words"),
    [
        ({"url": "http://192.168.1.10/hook", "events": ["status.changed"]}, "a private address"),
        ({"url": "gopher://93.184.216.34/", "events": ["status.changed"]}, "Only http:// and https://"),
        ({"url": PUBLIC, "events": ["status.moved"]}, "not one of the available choices"),
        ({"url": PUBLIC}, "This field is required"),
    ],
)
def test_a_refused_form_answers_400_with_its_message_and_keeps_what_was_typed(signed_in, form, words):
    answer = signed_in.post("/webhooks/", form)
    assert answer.status_code == 400
    page = answer.content.decode()
    assert words in page and form["url"] in page
    assert not Subscription.objects.exists()


def test_deliveries_are_listed_with_their_attempts_and_one_can_be_sent_again(signed_in, tool):
    subscription = Subscription.objects.create(owner=tool, url=PUBLIC, events=["status.changed"], secret="s")
    event = Event.objects.create(type="status.changed", body="{}")
    failed = Delivery.objects.create(subscription=subscription, event=event, state="failed", attempts=1)
    failed.attempt_set.create(status_code=503, duration_ms=41, response_excerpt="Service down for maintenance")
    page = signed_in.get(f"/webhooks/{subscription.uuid}/").content.decode()
    assert "503, 41 ms" in page and "Service down for maintenance" in page
    assert "kept, with its attempts, for 30 days after it was delivered or given up" in page
    answer = signed_in.post(f"/webhooks/{subscription.uuid}/deliveries/{failed.uuid}/redeliver/")
    assert answer.status_code == 302
    again = Delivery.objects.exclude(pk=failed.pk).get()
    assert (again.event_id, again.state, again.redelivery_of_id) == (event.id, "pending", failed.pk)


def test_rotating_shows_the_new_secret_and_resuming_and_deleting_work(signed_in, tool):
    subscription = Subscription.objects.create(
        owner=tool, url=PUBLIC, events=["status.changed"], secret="old", state="failing"
    )
    rotated = signed_in.post(f"/webhooks/{subscription.uuid}/rotate-secret/")
    subscription.refresh_from_db()
    assert subscription.secret != "old" and subscription.secret in rotated.content.decode()
    assert signed_in.post(f"/webhooks/{subscription.uuid}/resume/").status_code == 302
    subscription.refresh_from_db()
    assert subscription.state == "active"
    assert signed_in.post(f"/webhooks/{subscription.uuid}/delete/").status_code == 302
    assert not Subscription.objects.exists()


def test_another_accounts_subscription_is_not_found_and_outsiders_are_kept_out(
    client, signed_in, outsider, django_user_model
):
    other = django_user_model.objects.create_user("other", password="pw-other")
    add_to_group(other, SUBSCRIBERS)
    theirs = Subscription.objects.create(owner=other, url=PUBLIC, events=["status.changed"], secret="theirs")
    assert signed_in.get(f"/webhooks/{theirs.uuid}/").status_code == 404
    assert signed_in.post(f"/webhooks/{theirs.uuid}/delete/").status_code == 404
    assert signed_in.post(f"/webhooks/{theirs.uuid}/rotate-secret/").status_code == 404
    signed_in.logout()
    assert client.get("/webhooks/").status_code == 302  # to sign in
    client.force_login(outsider)
    assert client.get("/webhooks/").status_code == 403
    assert Subscription.objects.get().secret == "theirs"


@pytest.mark.parametrize("count", [5, 50])
def test_the_pages_run_a_fixed_number_of_queries(signed_in, tool, django_assert_num_queries, count):
    for n in range(min(count, 20)):
        Subscription.objects.create(owner=tool, url=f"{PUBLIC}/{n}", events=["status.changed"], secret="s")
    subscription = Subscription.objects.first()
    events = Event.objects.bulk_create([Event(type="status.changed", body="{}") for _ in range(count)])
    made = Delivery.objects.bulk_create([Delivery(subscription=subscription, event=event) for event in events])
    for delivery in made:
        delivery.attempt_set.create(status_code=500, duration_ms=3)
    # The session, its account, the groups; the subscriptions; the form's processes and issues.
    with django_assert_num_queries(6):
        assert signed_in.get("/webhooks/").status_code == 200
    # The session, its account, the groups, the subscription; a count of the deliveries, a
    # page of them, their attempts.
    with django_assert_num_queries(7):
        assert signed_in.get(f"/webhooks/{subscription.uuid}/").status_code == 200
