"""Who may do what through the API: every route of the schema, every method, for anonymous
readers, a signed-in outsider, a subscriber to webhooks, an editor and a reviewer.

Reads are public. A route that does not offer a method answers 405 to anyone. Writes
answer 401 without credentials, 403 to a signed-in outsider, and succeed for editors (or
wait for review, 202, where published records show what they change);
publishing, withdrawing and sending back are for reviewers (403 to editors); a change or
delete aimed at a published record answers 409. A subscriber writes nothing to the record
(403, as an outsider). The webhooks routes are an account's own subscriptions: 401 without
credentials, 403 outside the subscribers, editors and reviewers, and each of those manages
their own. Each request runs in a savepoint that is rolled back, so every one starts from
the same record, which is made once for the module.
"""

import json
from contextlib import contextmanager

import pytest
from django.db import transaction

from negotrack.groups import SUBSCRIBERS, add_to_group
from tests.api_routes import PUBLISHABLE, ROUTES, SAVES_NOTHING, WEBHOOK_ROUTES, World, action_of, concrete
from webhooks.models import Delivery, Event, Subscription

pytestmark = pytest.mark.django_db

METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
PERSONAS = ["anonymous", "outsider", "subscriber", "editor", "reviewer"]
PUBLIC_URL = "https://93.184.216.34/hooks"
REVIEWER_ROUTES = {"publish", "withdraw", "send-back"}
# The world's published records show its source, its person, and its process, round, and
# what the round holds: an editor's change to them waits for review (202), a reviewer's is
# saved at once.
SHOWN_BY_PUBLISHED = {"sources", "people", "processes", "rounds", "sessions", "parties", "delegations",
                      "memberships", "attendances", "issues"}  # fmt: skip


def expected_status(path: str, offered: frozenset[str], method: str, persona: str, *, published: bool) -> int:
    readable = "GET" in offered
    if method == "OPTIONS":
        return 200
    if method in ("GET", "HEAD"):
        if not readable:
            return 405
        # A draft is not found by a read that does not ask for drafts, whoever reads.
        is_draft_detail = path.split("/")[3] in PUBLISHABLE and path.endswith("{uuid}/") and not published
        return 404 if is_draft_detail else 200
    if method not in offered:
        return 405
    if persona == "anonymous":
        return 401
    if persona in ("outsider", "subscriber"):
        return 403
    route = action_of(path)
    if route in REVIEWER_ROUTES and persona != "reviewer":
        return 403
    if route is None and "{" in path and published:
        return 409  # a published record changes only by correction or withdrawal
    if path in SAVES_NOTHING:
        return 200  # the answer is the proposals; nothing is made
    if method == "POST":
        return 201 if route in (None, "correction") else 200
    if method in ("PUT", "PATCH") and path.split("/")[3] in SHOWN_BY_PUBLISHED and persona == "editor":
        return 202  # the change waits for a reviewer
    return 204 if method == "DELETE" else 200


def target_is_published(path: str) -> list[bool]:
    """The targets a route is walked with: for a publishable record's detail, a draft and a
    published record; the withdraw and correction routes act on published records only."""
    collection = path.split("/")[3]
    if collection not in PUBLISHABLE or "{" not in path:
        return [False]
    route = action_of(path)
    if route in ("withdraw", "correction"):
        return [True]
    if route in ("publish", "send-back", "status"):
        return [False]
    return [False, True]


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def subscriber(django_user_model):
    user = django_user_model.objects.create_user("subscriber", password="pw-subscriber")
    add_to_group(user, SUBSCRIBERS)
    return user


@pytest.fixture
def clients(token_api, outsider, subscriber, editor, reviewer):
    return {"anonymous": token_api(None), "outsider": token_api(outsider), "subscriber": token_api(subscriber),
            "editor": token_api(editor), "reviewer": token_api(reviewer)}  # fmt: skip


def query_for(path: str) -> str:
    if path.endswith(("/status-matrix/", "/popolo/")):
        return "?process=ru-ua"
    return ""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The record walked, made once for the module (not once a route) and rolled back after
    it: each test's own transaction, and each request's savepoint, nest inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield World()
        transaction.set_rollback(True)


@pytest.mark.parametrize(("path", "offered"), ROUTES, ids=[path for path, _ in ROUTES])
def test_every_route_answers_each_method_as_the_persona_may(clients, world, path, offered):
    collection = path.split("/")[3]
    for published in target_is_published(path):
        url = concrete(path, world, published=published) + query_for(path)
        for method in METHODS:
            for persona in PERSONAS:
                sends_body = method in ("POST", "PUT", "PATCH")
                body = json.dumps(world.body(collection, action_of(path), method)) if sends_body else ""
                with rolled_back():
                    response = clients[persona].generic(method, url, body, content_type="application/json")
                want = expected_status(path, offered, method, persona, published=published)
                assert response.status_code == want, (method, persona, published, response.content[:300])


def test_the_walk_covers_every_write_route():
    paths = {path: offered for path, offered in ROUTES}
    for kind in PUBLISHABLE:
        assert paths[f"/api/v1/{kind}/"] == {"GET", "POST"}
        assert paths[f"/api/v1/{kind}/{{uuid}}/"] == {"GET", "PUT", "PATCH", "DELETE"}
        for route in ("publish", "withdraw", "send-back", "correction"):
            assert paths[f"/api/v1/{kind}/{{uuid}}/{route}/"] == {"POST"}
    for kind in ("sources", "sessions", "delegations", "memberships", "attendances"):
        assert paths[f"/api/v1/{kind}/"] == {"GET", "POST"}
        assert paths[f"/api/v1/{kind}/{{uuid}}/"] == {"GET", "PUT", "PATCH"}
    for kind in ("people", "processes", "rounds", "parties", "issues"):
        assert paths[f"/api/v1/{kind}/"] == {"GET", "POST"}
        assert paths[f"/api/v1/{kind}/{{slug}}/"] == {"GET", "PUT", "PATCH"}
    assert paths["/api/v1/issues/{slug}/status/"] == {"GET"}
    # A report's statements proposed for a round: editors and reviewers, as writes are.
    assert {path: paths[path] for path in SAVES_NOTHING} == {"/api/v1/rounds/{slug}/proposals/": {"POST"}}


def expected_webhook_status(path: str, offered: frozenset[str], method: str, persona: str) -> int:
    if persona == "anonymous":
        return 401
    if persona == "outsider":
        return 403
    if method == "OPTIONS":
        return 200
    if method not in offered and not (method == "HEAD" and "GET" in offered):
        return 405
    if method == "DELETE":
        return 204
    if method == "POST" and (path == "/api/v1/webhooks/" or path.endswith("/redeliver/")):
        return 201
    return 200


@pytest.mark.parametrize(("path", "offered"), WEBHOOK_ROUTES, ids=[path for path, _ in WEBHOOK_ROUTES])
def test_every_webhooks_route_answers_each_persona_on_their_own_subscription(
    clients, path, offered, outsider, subscriber, editor, reviewer
):
    owners = {"anonymous": subscriber, "outsider": subscriber, "subscriber": subscriber, "editor": editor,
              "reviewer": reviewer}  # fmt: skip
    event = Event.objects.create(type="status.changed", body="{}")
    owned = {}
    for user in {subscriber, editor, reviewer}:
        subscription = Subscription.objects.create(owner=user, url=PUBLIC_URL, events=["status.changed"], secret="s")
        owned[user] = (subscription, Delivery.objects.create(subscription=subscription, event=event))
    body = json.dumps({"url": PUBLIC_URL, "events": ["statement.published"]})
    for method in METHODS:
        for persona in PERSONAS:
            subscription, delivery = owned[owners[persona]]
            url = path.replace("{uuid}", str(subscription.uuid)).replace("{delivery_uuid}", str(delivery.uuid))
            with rolled_back():
                response = clients[persona].generic(method, url, body, content_type="application/json")
            want = expected_webhook_status(path, offered, method, persona)
            assert response.status_code == want, (method, persona, response.content[:300])


def test_the_walk_covers_every_webhooks_route():
    assert dict(WEBHOOK_ROUTES) == {
        "/api/v1/webhooks/": {"GET", "POST"},
        "/api/v1/webhooks/{uuid}/": {"GET", "PUT", "PATCH", "DELETE"},
        "/api/v1/webhooks/{uuid}/rotate-secret/": {"POST"},
        "/api/v1/webhooks/{uuid}/resume/": {"POST"},
        "/api/v1/webhooks/{uuid}/deliveries/": {"GET"},
        "/api/v1/webhooks/{uuid}/deliveries/{delivery_uuid}/redeliver/": {"POST"},
    }
