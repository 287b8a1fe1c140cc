"""What the golden test asks (tests/test_golden_answers.py), group by group: every GET route
of the API as its schema documents it, every analysts' page and Atom feed, the editors'
pages, and the changes feed.

The API is walked from its schema, as tests/api_routes.py does, so that a new route or a
new query parameter is read without being listed here: a parameter that this module
cannot give a value for fails the test, naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.core.cache import cache
from django.db.models import Count
from django.http import HttpResponse
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from delegations.models import Membership, Party, Person
from issues.models import Issue, IssueStatus
from negotrack.changes.cursor import FeedCursor
from negotrack.models import Change
from rounds.models import Process, Round, Session, Source
from tests.golden_normal import answer_of
from tests.golden_record import GoldenRecord

API = "/api/v1/"
# Read by other means: the pages of a list (its `next`), the formats and the drafts (asked
# for where offered), and the changes feed's own parameters (its own group); the record as
# it stood has tests of its own (tests/negotrack/test_as_known_on.py).
HANDLED = {"page", "page_size", "cursor", "format", "include", "since", "limit", "as_known_on"}
# An account's own webhook subscriptions: no part of the record, nothing the benchmark's
# record holds (tests/webhooks/ reads them).
WEBHOOKS = "webhooks/"
# Not in the schema, and GET routes all the same.
UNDOCUMENTED = ["schema/", "docs/"]
# The changes feed reads committed changes only: its own group, on a committed record.
CHANGES = "changes/"
# Two words that the generator's statements hold as whole words, never inside another:
# PostgreSQL's full-text search and SQLite's substring search find the same statements.
SEARCH = "ceasefire hospitality"


class Reader:
    """Reads each URL once, as a persona (anonymous, or one signed in), and keeps its answer
    under the normalised URL, in the order asked."""

    def __init__(self, personas: dict[str, Any], normalise: Callable[[str], str]):
        self.clients = {"anonymous": Client()}
        for persona, user in personas.items():
            self.clients[persona] = Client()
            self.clients[persona].force_login(user)
        self.normalise = normalise
        self.answers: dict[str, dict[str, Any]] = {}

    def get(self, url: str, persona: str = "anonymous") -> HttpResponse:
        # The anonymous rate limits count in the test's cache, and this reads hundreds of times.
        cache.clear()
        response = self.clients[persona].get(url)
        key = f"{persona} {self.normalise(url)}"
        answer = answer_of(response, self.normalise)
        assert self.answers.setdefault(key, answer) is answer, f"{key} asked twice"
        return response


def query(url: str, **params: str) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def local(url: str) -> str:
    """A link of an answer (http://testserver/api/v1/…?cursor=…) as the test client asks it."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


# --- the API ---------------------------------------------------------------------------


def filter_values(record: GoldenRecord) -> dict[str, str]:
    """A value for each query parameter of the read API, each one that selects part of the
    record; `collection:name` where one name means different things."""
    talk_round = record.last_round
    session = Session.objects.filter(round=talk_round).order_by("date", "id").first()
    member = Membership.objects.filter(delegation__round=talk_round, role="head").select_related("person").first()
    party = Party.objects.filter(delegations__round=talk_round).order_by("slug").first()
    speaker = Person.objects.filter(statements__round=talk_round).order_by("slug").first()
    # The outlet with the fewest sources: they fit one page (see golden_record).
    outlet = Source.objects.values("outlet").annotate(count=Count("id")).order_by("count", "outlet")[0]["outlet"]
    status = IssueStatus.objects.published().filter(issue=record.issue).values_list("status", flat=True).last()
    assert session and member and party and speaker and status and talk_round.start_date and talk_round.end_date
    return {
        "process": record.process.slug,
        "round": talk_round.slug,
        "issue": record.issue.slug,
        "party": party.slug,
        "speaker": speaker.slug,
        "person": member.person.slug,
        "session": str(session.uuid),
        "track": session.track,
        "rounds:status": talk_round.status,
        "statuses:status": status,
        "year": str(talk_round.start_date.year),
        "role": "mediator",
        "outlet": outlet.split()[-1].lower(),
        "people:q": member.person.name.split()[-1][:4],
        "statements:q": SEARCH,
        "date_from": talk_round.start_date.isoformat(),
        "date_to": talk_round.end_date.isoformat(),
        "as_of": talk_round.start_date.isoformat(),
    }


def schema_paths() -> dict[str, dict[str, Any]]:
    """Each API path (after /api/v1/) with the GET operation its schema documents."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        path.removeprefix(API): operations["get"]
        for path, operations in sorted(schema["paths"].items())
        if "get" in operations
    }


def read_api(reader: Reader, record: GoldenRecord) -> None:
    """Every GET route: each list without filters, with each filter, with `?format=csv`,
    `?format=timelinejs` and `?include=drafts` where offered, and the pages after its first (by cursor for
    statements, then back); one detail of each kind (a chosen record where the record has
    one, else the list's first) with the same; the undocumented routes last. A required
    parameter (the matrix's process) goes with every read but the first."""
    values = filter_values(record)
    chosen = {"rounds": record.last_round.slug, "issues": record.issue.slug, "statements": str(record.withdrawn.uuid)}
    listed: dict[str, dict[str, Any]] = {}
    for path, operation in schema_paths().items():
        if path == CHANGES or path.startswith(WEBHOOKS):
            continue
        collection = path.split("/")[0]
        params = {param["name"]: param for param in operation.get("parameters", []) if param["in"] == "query"}
        value = {name: values.get(f"{collection}:{name}", values.get(name)) for name in params}
        unknown = [name for name in params if value[name] is None and name not in HANDLED]
        assert not unknown, f"{path} takes {unknown}: give each a value in tests/golden_requests.py"
        url = API + path
        if "{" in path:
            field = path[path.index("{") + 1 : path.index("}")]
            key = chosen.get(collection) or listed[collection]["results"][0][field]
            url = url.replace("{" + field + "}", key)
        first = reader.get(url)
        required = {name: value[name] for name, param in params.items() if param.get("required")}
        if required:
            first = reader.get(query(url, **required))
        if "{" not in path and first.get("Content-Type", "").startswith("application/json"):
            listed[collection] = first.json()
        for name in [name for name in params if name not in HANDLED and name not in required]:
            reader.get(query(url, **required, **{name: value[name]}))
        formats = params.get("format", {}).get("schema", {}).get("enum", [])
        if "csv" in formats:
            reader.get(query(url, **required, format="csv"))
            if "round" in params:
                reader.get(query(url, format="csv", round=values["round"]))
        if "timelinejs" in formats:
            reader.get(query(url, **required, format="timelinejs"))
        if "include" in params:
            reader.get(query(url, include="drafts"), "editor")
        following = listed[collection].get("next") if "{" not in path and collection in listed else None
        if following:
            back = reader.get(local(following)).json().get("previous")
            if back and "cursor=" in back:
                reader.get(local(back))
    draft = API + f"statements/{record.draft.uuid}/"
    reader.get(draft)
    reader.get(query(draft, include="drafts"), "editor")
    for path in UNDOCUMENTED:
        reader.get(API + path)


def read_changes(reader: Reader) -> None:
    """The changes feed: from the start, a page of five and the page after it, and from the
    first editorial step on (past the generator's creates), to the public and to an editor
    who asks for drafts; a cursor the feed never gave out last."""
    url = API + CHANGES
    reader.get(url)
    first = reader.get(query(url, limit="5")).json()
    reader.get(query(url, since=first["next"], limit="5"))
    withdrawal = Change.objects.filter(action=Change.Action.WITHDRAW).order_by("id").first()
    assert withdrawal is not None, "the editorial steps withdrew nothing"
    before = Change.objects.filter(id__lt=withdrawal.id).order_by("-id").first()
    assert before is not None
    steps = str(FeedCursor(before.txid, before.id))
    reader.get(query(url, since=steps))
    reader.get(query(url, since=steps, include="drafts"), "editor")
    reader.get(query(url, since="not-a-cursor"))


# --- the pages --------------------------------------------------------------------------


def read_pages(reader: Reader, record: GoldenRecord) -> None:
    """Every analysts' page: home, each process and its comparison, each round, each issue
    and its embed page, the indexes of people and parties and each of them, statement
    search; the round and issue pages also as an editor, who sees their drafts."""
    reader.get("/")
    for process in Process.objects.order_by("slug"):
        reader.get(f"/processes/{process.slug}/")
        compare = f"/processes/{process.slug}/compare/"
        reader.get(compare)
        rounds = list(Round.objects.for_process(process).chronological().values_list("slug", flat=True))
        reader.get(query(compare, **{"from": rounds[0], "to": rounds[-1]}))
    for slug in Round.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/rounds/{slug}/")
    for slug in Issue.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/issues/{slug}/")
        reader.get(f"/issues/{slug}/embed/")
    reader.get(f"/rounds/{record.last_round.slug}/", "editor")
    reader.get(f"/issues/{record.issue.slug}/", "editor")
    reader.get("/people/")
    for slug in Person.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/people/{slug}/")
    reader.get("/parties/")
    for slug in Party.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/parties/{slug}/")
    values = filter_values(record)
    search = "/statements/"
    reader.get(search)
    reader.get(query(search, page="2"))
    reader.get(query(search, q=values["statements:q"]))
    reader.get(query(search, q=values["statements:q"], process=values["process"], page="2"))
    for name in ("round", "speaker", "party", "issue"):
        reader.get(query(search, **{name: values[name]}))
    reader.get(query(search, date_from=values["date_from"], date_to=values["date_to"]))
    reader.get(query(search, date_from="not a date"))


def read_feeds(reader: Reader) -> None:
    """The Atom feeds of statements and status changes, of each process and each issue."""
    for process in Process.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/processes/{process}/statements.atom")
        reader.get(f"/processes/{process}/statuses.atom")
    for issue in Issue.objects.order_by("slug").values_list("slug", flat=True):
        reader.get(f"/issues/{issue}/statements.atom")
        reader.get(f"/issues/{issue}/statuses.atom")


def read_editors_pages(reader: Reader, record: GoldenRecord) -> None:
    """The entry pages, the round set-up and the review queue, as an editor and a reviewer;
    the entry page also to a reader who is not signed in."""
    talk_round = record.last_round.slug
    session = Session.objects.filter(round=record.last_round).order_by("date", "id").first()
    assert session is not None
    reader.get("/entry/")
    reader.get("/entry/", "editor")
    reader.get(f"/entry/{talk_round}/", "editor")
    reader.get(query(f"/entry/{talk_round}/", session=str(session.uuid)), "editor")
    reader.get("/entry/new/", "editor")
    reader.get(f"/entry/{talk_round}/set-up/", "editor")
    reader.get("/review/", "editor")
    reader.get("/review/", "reviewer")


# Each group of answers of the class-scoped record, and what reads it; the changes feed
# reads a committed record of its own (tests/test_golden_answers.py).
GROUPS: dict[str, Callable[[Reader, GoldenRecord], None]] = {
    "api": read_api,
    "pages": read_pages,
    "editors": read_editors_pages,
    "feeds": lambda reader, _: read_feeds(reader),
}
