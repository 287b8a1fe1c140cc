"""A walk over every API write path: each must leave its history row, its version bump and
its change-log row, as the admin's do (tests/negotrack/test_admin_write_walk.py), and
the timeline marks of the issues it touches: publication and changes to what published
records cite mark them; drafts never reach a timeline, so draft writes mark nothing.

The routes come from the schema, so a write route added later is walked too, or fails
the coverage check below. A route that takes a body and saves nothing (a report's
statements proposed for a round) is walked apart: it must leave no trace at all.
"""

import json

import pytest
from django.db import transaction

from issues.models import TimelineState
from negotrack.models import Change
from tests.api_routes import PUBLISHABLE, ROUTES, SAVES_NOTHING, World, action_of, collection_of, concrete

pytestmark = pytest.mark.django_db

WRITES = sorted(
    (path, method)
    for path, offered in ROUTES
    for method in offered
    if method in ("POST", "PUT", "PATCH", "DELETE") and path not in SAVES_NOTHING
)
LOGGED_AS = {"publish": "publish", "withdraw": "withdraw", "send-back": "send_back", "correction": "create"}


def generations() -> dict[int, int]:
    return dict(TimelineState.objects.values_list("issue_id", "generation"))


# What published records show in a timeline: a change to it marks the issues they concern
# (the world's issue). A process's name is on no timeline.
SHOWN_ON_TIMELINES = ("sources", "people", "rounds", "parties", "issues")
SLUGGED = ("processes", "rounds", "parties", "people", "issues")


def marks_expected(path: str, method: str) -> bool:
    """Whether the write moves the world issue's timeline: publishing or withdrawing, or
    changing a record that its published records cite, name or sit in."""
    route = action_of(path)
    if route in ("publish", "withdraw"):
        return True
    return collection_of(path) in SHOWN_ON_TIMELINES and method in ("PUT", "PATCH")


def trace(model, uuid) -> tuple[int, list[str]]:
    """History rows and change-log actions of one record so far."""
    history = model.history.filter(uuid=uuid).count()
    actions = Change.objects.filter(record_type=model._meta.label_lower, record_uuid=uuid).order_by("id")
    return history, list(actions.values_list("action", flat=True))


def model_of(world: World, collection: str):
    if collection in PUBLISHABLE:
        return type(world.published[collection])
    return {
        "sources": world.source, "people": world.person, "processes": world.process, "rounds": world.round,
        "sessions": world.session, "parties": world.party, "delegations": world.delegation,
        "memberships": world.membership, "attendances": world.attendance, "issues": world.issue,
    }[collection].__class__  # fmt: skip


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The record written to, made once for the module (not once a write) and rolled back
    after it: each test's own transaction nests inside it, so no test sees another's write."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield World()
        transaction.set_rollback(True)


@pytest.mark.parametrize(("path", "method"), WRITES, ids=[f"{method} {path}" for path, method in WRITES])
def test_each_api_write_leaves_history_a_version_and_a_change(token_api, reviewer, world, path, method):
    collection, route = collection_of(path), action_of(path)
    model = model_of(world, collection)
    on_published = route in ("withdraw", "correction")
    url = concrete(path, world, published=on_published)
    target = url.rstrip("/").split("/")[-1 if route is None else -2] if "{" in path else None
    target_uuid = None
    if target is not None:
        found = model.objects.filter(**({"slug": target} if collection in SLUGGED else {"uuid": target}))
        target_uuid = found.values_list("uuid", flat=True).get()
    before = trace(model, target_uuid) if target_uuid else (0, [])
    version_before = model.objects.get(uuid=target_uuid).version if target_uuid else 0

    body = json.dumps(world.body(collection, route, method)) if method != "DELETE" else ""
    marked_before = generations()
    response = token_api(reviewer).generic(method, url, body, content_type="application/json")
    assert response.status_code in (200, 201, 204), response.content[:300]
    bumped = {issue for issue, generation in generations().items() if generation != marked_before.get(issue)}
    if collection == "issues" and method == "POST":
        # A new agenda issue is marked for its first (empty) timeline, and nothing else.
        assert bumped == {model.objects.get(uuid=response.json()["uuid"]).pk}
    else:
        assert bumped == ({world.issue.pk} if marks_expected(path, method) else set())

    if method == "DELETE":
        history, actions = trace(model, target_uuid)
        assert not model.objects.filter(uuid=target_uuid).exists()
        assert actions == [*before[1], "delete"]
        assert history == before[0] + 1  # simple-history's row for the deletion
        return
    written = response.json()["uuid"]
    history, actions = trace(model, written)
    if method == "POST" and route in (None, "correction"):
        assert (history, actions) == (1, ["create"])
        assert response.json()["version"] == 1
        return
    assert history == before[0] + 1
    assert actions == [*before[1], LOGGED_AS.get(route, "update")]
    assert model.objects.get(uuid=written).version == version_before + 1


def test_the_walk_covers_every_write_route():
    # Publishable records: POST, PUT, PATCH, DELETE and four routes; sources, people and the
    # eight kinds of a round's set-up: POST, PUT, PATCH.
    assert len(WRITES) == 4 * 8 + 10 * 3


@pytest.mark.parametrize("path", sorted(SAVES_NOTHING))
def test_a_route_that_saves_nothing_leaves_no_history_version_change_or_mark(token_api, reviewer, world, path):
    collection, route = collection_of(path), action_of(path)
    model = model_of(world, collection)
    url = concrete(path, world, published=False)
    key = url.rstrip("/").split("/")[-2]
    target = model.objects.get(**({"slug": key} if collection in SLUGGED else {"uuid": key}))
    before = (trace(model, target.uuid), target.version, Change.objects.count(), generations())
    response = token_api(reviewer).post(url, world.body(collection, route), format="json")
    assert response.status_code == 200, response.content[:300]
    target.refresh_from_db()
    assert (trace(model, target.uuid), target.version, Change.objects.count(), generations()) == before


def test_publishing_a_correction_through_the_api_logs_the_supersession(token_api, reviewer, world):
    old = world.published["statements"]
    client = token_api(reviewer)
    correction = client.post(f"/api/v1/statements/{old.uuid}/correction/", {}, format="json").json()
    client.patch(f"/api/v1/statements/{correction['uuid']}/", {"text": "Corrected."}, format="json")
    assert client.post(f"/api/v1/statements/{correction['uuid']}/publish/", {}, format="json").status_code == 200
    history, actions = trace(type(old), old.uuid)
    assert actions == ["create", "publish", "supersede"]
    assert history == 3
