"""Who may do what through the API: every route of the schema, every method, for anonymous
readers, a signed-in outsider, an editor and a reviewer.

Reads are public. A route that does not offer a method answers 405 to anyone. Writes
answer 401 without credentials, 403 to a signed-in outsider, and succeed for editors;
publishing, withdrawing and sending back are for reviewers (403 to editors); a change or
delete aimed at a published record answers 409. Each request runs in a savepoint that is
rolled back, so every one starts from the same record.
"""

import datetime
import json
import re
from contextlib import contextmanager

import pytest
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator

from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
PERSONAS = ["anonymous", "outsider", "editor", "reviewer"]
REVIEWER_ROUTES = {"publish", "withdraw", "send-back"}
PUBLISHABLE = {"statements", "statuses", "positions", "agreements"}
FEB_17 = datetime.date(2026, 2, 17)
FEB_19 = datetime.date(2026, 2, 19)


def schema_routes() -> list[tuple[str, frozenset[str]]]:
    """Every path of the API's schema with the methods it documents."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted((path, frozenset(method.upper() for method in ops)) for path, ops in schema["paths"].items())


ROUTES = schema_routes()


class World:
    """One of everything, published, plus drafts of the publishable records."""

    def __init__(self):
        self.process = ProcessFactory(slug="ru-ua")
        self.round = RoundFactory(process=self.process, city="Geneva", start_date=FEB_17, end_date=FEB_17)
        self.session = SessionFactory(round=self.round)
        self.party = PartyFactory(slug="ukraine")
        self.person = PersonFactory(name="Rustem Umerov")
        self.issue = IssueFactory(process=self.process, topic="territory")
        self.source = SourceFactory()
        self.delegation = DelegationFactory(round=self.round, party=self.party)
        self.membership = MembershipFactory(delegation=self.delegation, person=self.person)
        common = {"sources": [self.source]}
        makers = {
            "statements": lambda **kw: StatementFactory(process=self.process, speaker=self.person, issues=[self.issue],
                                                        **common, **kw),
            "statuses": lambda **kw: IssueStatusFactory(issue=self.issue, **common, **kw),
            "positions": lambda **kw: PositionFactory(issue=self.issue, party=self.party, **common, **kw),
            "agreements": lambda **kw: AgreementFactory(process=self.process, parties=[self.party], **common, **kw),
        }  # fmt: skip
        # Published at the round, drafts between rounds: publishing a draft clashes with nothing.
        self.published = {kind: make(publish=True, round=self.round) for kind, make in makers.items()}
        self.drafts = {kind: make(round=None, date=FEB_19) for kind, make in makers.items()}
        self.drafts["statements"] = makers["statements"](round=self.round, date=FEB_17)

    def key(self, collection: str, *, published: bool) -> str:
        if collection in PUBLISHABLE:
            return str((self.published if published else self.drafts)[collection].uuid)
        record = {
            "processes": self.process, "rounds": self.round, "sessions": self.session, "parties": self.party,
            "people": self.person, "issues": self.issue, "sources": self.source, "delegations": self.delegation,
            "memberships": self.membership,
        }[collection]  # fmt: skip
        return getattr(record, "slug", None) or str(record.uuid)

    def body(self, collection: str, route: str | None) -> dict:
        if route == "withdraw":
            return {"note": "Withdrawn for the test."}
        if route == "send-back":
            return {"note": "Please add the outlet."}
        if route in ("publish", "correction"):
            return {}
        source = [str(self.source.uuid)]
        return {
            "statements": {"process": "ru-ua", "round": self.round.slug, "speaker": self.person.slug,
                           "date": "2026-02-17", "text": "We had a productive day.", "sources": source},
            "statuses": {"issue": self.issue.slug, "date": "2026-02-20", "status": "stalled", "sources": source},
            "positions": {"issue": self.issue.slug, "party": "ukraine", "date": "2026-02-20", "stance": "firm",
                          "sources": source},
            "agreements": {"process": "ru-ua", "date": "2026-02-20", "title": "Exchange", "terms": "157 for 157",
                           "parties": ["ukraine"], "sources": source},
            "sources": {"outlet": "Reuters", "title": "Talks end"},
            "people": {"name": "Someone New"},
        }.get(collection, {})  # fmt: skip


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
    if persona == "outsider":
        return 403
    route = action_of(path)
    if route in REVIEWER_ROUTES and persona != "reviewer":
        return 403
    if route is None and "{" in path and published:
        return 409  # a published record changes only by correction or withdrawal
    if method == "POST":
        return 201 if route in (None, "correction") else 200
    return 204 if method == "DELETE" else 200


def action_of(path: str) -> str | None:
    found = re.search(r"\}/([a-z-]+)/$", path)
    return found.group(1) if found else None


def concrete(path: str, world: World, *, published: bool) -> str:
    if "{" not in path:
        return path
    return re.sub(r"\{[a-z_]+\}", world.key(path.split("/")[3], published=published), path)


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
def clients(token_api, outsider, editor, reviewer):
    return {"anonymous": token_api(None), "outsider": token_api(outsider), "editor": token_api(editor),
            "reviewer": token_api(reviewer)}  # fmt: skip


def query_for(path: str) -> str:
    if path.endswith("/status-matrix/"):
        return "?process=ru-ua"
    return ""


@pytest.mark.parametrize(("path", "offered"), ROUTES, ids=[path for path, _ in ROUTES])
def test_every_route_answers_each_method_as_the_persona_may(clients, path, offered):
    world = World()
    collection = path.split("/")[3]
    for published in target_is_published(path):
        url = concrete(path, world, published=published) + query_for(path)
        for method in METHODS:
            for persona in PERSONAS:
                sends_body = method in ("POST", "PUT", "PATCH")
                body = json.dumps(world.body(collection, action_of(path))) if sends_body else ""
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
    assert paths["/api/v1/people/{slug}/"] == {"GET", "PUT", "PATCH"}
    assert paths["/api/v1/sources/{uuid}/"] == {"GET", "PUT", "PATCH"}
    assert paths["/api/v1/rounds/{slug}/"] == {"GET"}
