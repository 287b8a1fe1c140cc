"""`/api/v1/webhooks/`: one's own subscriptions only, the secret shown once, bad input a
clear 400 that saves nothing, and list reads whose queries do not grow with the rows."""

from __future__ import annotations

import json

import pytest

from negotrack.groups import SUBSCRIBERS, add_to_group
from tests.factories import IssueFactory, ProcessFactory
from webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

URL = "/api/v1/webhooks/"
PUBLIC = "https://93.184.216.34/hooks"  # an address literal: no DNS asked


@pytest.fixture
def other_tool(django_user_model):
    user = django_user_model.objects.create_user("other-tool", password="pw-other")
    add_to_group(user, SUBSCRIBERS)
    return user


def create(api, **body) -> dict:
    answer = api.post(URL, {"url": PUBLIC, "events": ["status.changed"], **body}, format="json")
    assert answer.status_code == 201, answer.content
    return answer.json()


def test_the_secret_is_shown_when_made_and_rotated_and_never_read_again(token_api, tool):
    api = token_api(tool)
    made = create(api, events=["statement.published", "status.changed"])
    assert made["secret"].startswith("whsec_") and len(made["secret"]) > 40
    assert made["events"] == ["status.changed", "statement.published"]  # the README's order, once each
    read = api.get(f"{URL}{made['uuid']}/").json()
    assert "secret" not in read and "secret" not in api.get(URL).json()["results"][0]
    answer = api.post(f"{URL}{made['uuid']}/rotate-secret/")
    rotated = answer.json()
    assert answer["Cache-Control"] == "no-store"
    assert rotated["secret"] != made["secret"]
    assert Subscription.objects.get(uuid=made["uuid"]).secret == rotated["secret"]


def test_another_accounts_subscription_is_not_found_whatever_is_asked(token_api, tool, other_tool):
    theirs = create(token_api(other_tool))
    api = token_api(tool)
    assert api.get(URL).json()["results"] == []
    for method, path in [("get", ""), ("patch", ""), ("put", ""), ("delete", ""), ("post", "rotate-secret/"),
                         ("post", "resume/"), ("get", "deliveries/")]:  # fmt: skip
        answer = getattr(api, method)(f"{URL}{theirs['uuid']}/{path}", {"url": PUBLIC}, format="json")
        assert answer.status_code == 404, (method, path, answer.content)
    assert Subscription.objects.get(uuid=theirs["uuid"]).url == PUBLIC


def test_a_filter_names_one_process_or_one_agenda_issue_and_an_update_can_change_it(token_api, tool):
    issue, process = IssueFactory(), ProcessFactory()
    api = token_api(tool)
    made = create(api, issue=issue.slug)
    assert made["issue"] == issue.slug and made["process"] is None
    changed = api.patch(f"{URL}{made['uuid']}/", {"process": process.slug}, format="json")
    assert changed.status_code == 200, changed.content
    assert (changed.json()["process"], changed.json()["issue"]) == (process.slug, None)
    assert api.delete(f"{URL}{made['uuid']}/").status_code == 204
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"url": "ftp://93.184.216.34/x"}, "url", "Only http:// and https://"),
        ({"url": "https://user:secret@93.184.216.34/x"}, "url", "user name or password"),
        ({"url": "https:///nohost"}, "url", "names no host"),
        ({"url": "http://127.0.0.1:8000/hook"}, "url", "a loopback address"),
        ({"url": "http://10.1.2.3/hook"}, "url", "a private address"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "url", "link-local"),
        ({"url": "http://[::ffff:192.168.0.1]/"}, "url", "a private address"),
        ({"url": "http://0.0.0.0/"}, "url", "unspecified"),
        ({"url": "http://224.0.0.1/"}, "url", "multicast"),
        ({"url": "http://93.184.216.34:99999/"}, "url", "not a URL"),
        ({"url": "https://93.184.216.34/a b"}, "url", "no spaces"),
        ({"url": "https://93.184.216.34/" + "a" * 2001}, "url", "no more than 2000"),
        ({"url": 7}, "url", "Not a valid string"),
        ({"events": ["status.moved"]}, "events", "is not a valid choice"),
        ({"events": []}, "events", "at least 1"),
        ({"events": "status.changed"}, "events", "Expected a list"),
        ({"process": "no-such-process"}, "process", "does not exist"),
        ({"issue": "no-such-issue"}, "issue", "does not exist"),
    ],
)
def test_bad_input_answers_400_on_its_field_and_saves_nothing(token_api, tool, body, field, words):
    answer = token_api(tool).post(URL, {"url": PUBLIC, "events": ["status.changed"], **body}, format="json")
    assert answer.status_code == 400, answer.content
    assert words in json.dumps(answer.json()[field]), answer.json()
    assert not Subscription.objects.exists()


def test_both_filters_at_once_answer_400(token_api, tool):
    issue = IssueFactory()
    answer = token_api(tool).post(
        URL, {"url": PUBLIC, "events": ["status.changed"], "process": issue.process.slug, "issue": issue.slug},
        format="json",
    )  # fmt: skip
    assert answer.status_code == 400 and "not both" in answer.json()["issue"][0]


def test_a_nul_a_body_that_is_no_object_and_a_huge_body_are_refused(token_api, tool, settings):
    api = token_api(tool)
    nul = api.generic("POST", URL, '{"url": "https://93.184.216.34/\\u0000", "events": ["status.changed"]}',
                      content_type="application/json")  # fmt: skip
    assert nul.status_code == 400, nul.content
    listed = api.post(URL, json.dumps(["status.changed"]), content_type="application/json")
    assert listed.status_code == 400, listed.content
    huge = api.post(URL, json.dumps({"url": PUBLIC, "events": ["x" * 3_000_000]}), content_type="application/json")
    assert huge.status_code == 413, huge.content[:200]
    assert not Subscription.objects.exists()


def test_an_account_has_at_most_20_subscriptions(token_api, tool):
    api = token_api(tool)
    for n in range(20):
        create(api, url=f"{PUBLIC}/{n}")
    answer = api.post(URL, {"url": PUBLIC, "events": ["status.changed"]}, format="json")
    assert answer.status_code == 400 and "at most 20" in answer.json()["non_field_errors"][0]


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_accounts_outside_the_groups_are_refused_and_anonymous_callers_asked_to_sign_in(token_api, request, persona):
    assert token_api(None).get(URL).status_code == 401
    assert token_api(None).post(URL, {"url": PUBLIC, "events": ["status.changed"]}, format="json").status_code == 401
    api = token_api(request.getfixturevalue(persona))
    assert api.get(URL).status_code == 403
    assert api.post(URL, {"url": PUBLIC, "events": ["status.changed"]}, format="json").status_code == 403


def test_editors_and_reviewers_may_subscribe_too(token_api, editor, reviewer):
    for user in (editor, reviewer):
        create(token_api(user))
    assert Subscription.objects.count() == 2


def _deliveries(subscription: Subscription, count: int) -> None:
    events = Event.objects.bulk_create([Event(type="status.changed", body="{}") for _ in range(count)])
    made = Delivery.objects.bulk_create([Delivery(subscription=subscription, event=event) for event in events])
    for delivery in made[: count // 2]:
        delivery.attempt_set.create(status_code=500, duration_ms=12, response_excerpt="no")


@pytest.mark.parametrize("count", [5, 50])
def test_the_lists_run_a_fixed_number_of_queries(token_api, tool, django_assert_num_queries, count):
    api = token_api(tool)
    for n in range(count):
        create(api, url=f"{PUBLIC}/{n}") if n < 20 else None
    subscription = Subscription.objects.first()
    _deliveries(subscription, count)
    # The token, the account's groups, then the page: a count and its rows.
    with django_assert_num_queries(4):
        assert api.get(URL + "?page_size=200").status_code == 200
    # The token, the groups, the subscription, then the page: a count, its rows, their attempts.
    with django_assert_num_queries(6):
        answer = api.get(f"{URL}{subscription.uuid}/deliveries/?page_size=200")
    assert answer.status_code == 200 and answer.json()["count"] == count
    assert answer.json()["results"][-1]["attempt_log"][0]["status_code"] == 500
