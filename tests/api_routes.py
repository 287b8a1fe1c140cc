"""The API's routes as its schema documents them, and a record to walk them over: the
permission walk and the write-path walk share them."""

import datetime
import re

from drf_spectacular.generators import SchemaGenerator

from tests.factories import (
    AgreementFactory,
    AttendanceFactory,
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

PUBLISHABLE = {"statements", "statuses", "positions", "agreements"}
# Routes that take a body and save nothing: a report's statements proposed for a round.
SAVES_NOTHING = {"/api/v1/rounds/{slug}/proposals/"}
PROPOSED_REPORT = '"We had a productive day," Rustem Umerov told reporters in Geneva on Tuesday.'
FEB_17 = datetime.date(2026, 2, 17)
FEB_19 = datetime.date(2026, 2, 19)


def schema_routes() -> list[tuple[str, frozenset[str]]]:
    """Every path of the API's schema with the methods it documents."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted((path, frozenset(method.upper() for method in ops)) for path, ops in schema["paths"].items())


# The record's routes, and apart from them an account's own webhook subscriptions, which
# are no part of the record (no history, no change log, no review).
WEBHOOKS = "/api/v1/webhooks/"
ROUTES = [(path, offered) for path, offered in schema_routes() if not path.startswith(WEBHOOKS)]
WEBHOOK_ROUTES = [(path, offered) for path, offered in schema_routes() if path.startswith(WEBHOOKS)]


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
        self.attendance = AttendanceFactory(session=self.session, membership=self.membership)
        # What the bodies of the set-up writes name besides: a party without a delegation at
        # the round, a person who is no member yet, a member not yet at the session.
        self.other_party = PartyFactory(slug="russia", name="Russia")
        self.newcomer = PersonFactory(name="Hakan Fidan")
        self.other_member = MembershipFactory(delegation=self.delegation, person=PersonFactory(name="Oleh Luhovskyi"))
        common = {"sources": [self.source]}
        makers = {
            "statements": lambda **kw: StatementFactory(process=self.process, speaker=self.person, issues=[self.issue],
                                                        **common, **kw),
            "statuses": lambda **kw: IssueStatusFactory(issue=self.issue, **common, **kw),
            "positions": lambda **kw: PositionFactory(issue=self.issue, party=self.party, **common, **kw),
            "agreements": lambda **kw: AgreementFactory(process=self.process, parties=[self.party], issues=[self.issue],
                                                        **common, **kw),
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
            "memberships": self.membership, "attendances": self.attendance,
        }[collection]  # fmt: skip
        return getattr(record, "slug", None) or str(record.uuid)

    def body(self, collection: str, route: str | None, method: str = "POST") -> dict:
        """A body that the route takes: for a set-up record, one that makes a new record
        (POST) or changes the world's (PUT, PATCH)."""
        if route == "withdraw":
            return {"note": "Withdrawn for the test."}
        if route == "send-back":
            return {"note": "Please add the outlet."}
        if route in ("publish", "correction"):
            return {}
        if route == "proposals":
            return {"text": PROPOSED_REPORT}
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
            "processes": {"name": "Russia–Ukraine direct talks"},
            "rounds": {"process": "ru-ua", "city": "Istanbul", "start_date": "2026-02-17", "end_date": "2026-02-17",
                       "status": "concluded"},
            "sessions": {"round": self.round.slug, "date": "2026-02-17", "track": "political"},
            "parties": {"name": "Turkey"},
            "delegations": {"round": self.round.slug, "party": "russia", "roles": ["negotiating_party"]},
            "memberships": {"delegation": str(self.delegation.uuid), "person": self.newcomer.slug, "role": "member"},
            "attendances": {"session": str(self.session.uuid), "membership": str(self.other_member.uuid)},
            # An agenda issue's process and topic are given once, when it is made.
            "issues": {"process": "ru-ua", "topic": "ceasefire", "name": "Ceasefire"} if method == "POST"
            else {"name": "Territorial questions"},
        }.get(collection, {})  # fmt: skip


def action_of(path: str) -> str | None:
    found = re.search(r"\}/([a-z-]+)/$", path)
    return found.group(1) if found else None


def concrete(path: str, world: World, *, published: bool) -> str:
    if "{" not in path:
        return path
    return re.sub(r"\{[a-z_]+\}", world.key(path.split("/")[3], published=published), path)


def collection_of(path: str) -> str:
    return path.split("/")[3]
