"""Every operation of the API answers as its OpenAPI schema says, to whoever asks and
whatever they send.

Schemathesis reads the schema that the app serves at /api/v1/schema/, in-process through
WSGI (no server), and for each operation sends requests made from it: valid ones, and
invalid ones (a malformed date, a wrong type, a missing header). Every check it has is on:
no server error; a documented status code, content type, headers and body; valid requests
accepted and invalid ones refused; an operation that declares a token refusing a request
without one; and the rest (`schemathesis.checks`).

Each operation runs as an anonymous reader, an editor and a reviewer, each with a token of
their own, so that what the schema says about who may do what (each operation's
`security`, its 401 and 403) is checked too. Every persona sends valid requests; the
invalid ones are refused alike whoever sends them, so each kind of operation gets them from
the persona it is mostly for: reads from an anonymous reader, writes from a reviewer, who
may make every write. Another persona is a fixture of tests/conftest.py named in
`OTHER_READERS` or `OTHER_WRITERS`.

The record is the demo's, loaded once for the module with every issue's timeline built
(entries with a round and entries between rounds), in a transaction rolled back after it;
each test runs in its own transaction inside it, so writes do not leak from one operation
to the next. The parameters that name a record take the demo's slugs and UUIDs half the
time, so that requests reach real records (a built timeline, a published statement) and not
only 404s. The anonymous rate limit is lifted so that the run does not end in 429s (the 429
itself is checked against the schema by its own test below).

A request the schema calls valid may still be refused because of what is stored: a slug
that names no record, a statement that repeats one on record. No schema can say that, so
the operations in `REFUSED_FOR_STORED_DATA` may answer such a request 400, each for the
reason given; anywhere else a 400 to a valid request fails the run.

The schema is read once, while pytest collects this module, so that each operation and
persona is a test of its own (`-k "rounds and slug and editor"` picks one). The run is
bounded (`READ_EXAMPLES` and `WRITE_EXAMPLES` generated requests per operation and
persona, on top of Schemathesis' coverage cases) and derandomized with a fixed seed, so CI
sends the same requests every time. A failure prints the request as a curl command.
"""

import datetime
import io
from collections import defaultdict

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from django.utils.text import slugify
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle
from schemathesis.config import PositiveDataAcceptanceConfig, SchemathesisConfig

from delegations.models import Party, Person
from issues.demo.facts import demo_rows, demo_uuid, read
from issues.models import Issue, TimelineEntry
from negotrack.wsgi import application
from rounds.models import Process, Round

# Minutes of requests: the PostgreSQL pass only, which runs the API as deployed (tests/conftest.py).
pytestmark = pytest.mark.postgres_pass

SCHEMA_URL = "/api/v1/schema/"
SCHEMATHESIS_HOST = "localhost"  # the Host header of Schemathesis' WSGI client
READ_EXAMPLES = 4
WRITE_EXAMPLES = 3
SEED = 20260217
WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]

# Who else sends valid requests: "anonymous", or a fixture of tests/conftest.py that makes the user.
OTHER_READERS = ["editor", "reviewer"]
OTHER_WRITERS = ["editor", "anonymous"]

_NAMES_NO_RECORD = "a slug or UUID in a filter that names no record"
_WRITE_NAMES_NO_RECORD = "a slug or UUID in the body that names no record"
_SOURCE_VIA = "a `via` that names no source"
_WITHDRAWN_ON = "a withdrawal dated after today (or before 1900), which no date format can say"
_UNIQUE = "a slug or name that another record holds"
_PUBLISHED_ON = "a report published after today (or before 1900), which no date format can say"
_SET_UP = (
    f"{_WRITE_NAMES_NO_RECORD}; what the record already holds (a party's delegation at the round, a "
    "person in the delegation, a delegation's head, a round's chair, a member at the session, a round's "
    "number or an issue's topic in the process); a date outside the round's, or after 2099, which no date "
    "format can say; a session's end before its start; a change to what is fixed once made (a slug, an "
    "agenda issue's process and topic)"
)
_SET_UP_ROUTES = {
    "processes": ("/api/v1/processes/", "/api/v1/processes/{slug}/", _UNIQUE),
    "parties": ("/api/v1/parties/", "/api/v1/parties/{slug}/", _UNIQUE),
    "rounds": ("/api/v1/rounds/", "/api/v1/rounds/{slug}/", _SET_UP),
    "sessions": ("/api/v1/sessions/", "/api/v1/sessions/{uuid}/", _SET_UP),
    "delegations": ("/api/v1/delegations/", "/api/v1/delegations/{uuid}/", _SET_UP),
    "memberships": ("/api/v1/memberships/", "/api/v1/memberships/{uuid}/", _SET_UP),
    "attendances": ("/api/v1/attendances/", "/api/v1/attendances/{uuid}/", _SET_UP),
    "issues": ("/api/v1/issues/", "/api/v1/issues/{slug}/", f"{_SET_UP}; {_UNIQUE}"),
}
_WEBHOOK_TARGET = (
    "a URL whose host does not resolve, or resolves to an address that is not public, which no schema can "
    f"say; {_WRITE_NAMES_NO_RECORD}; an account's 21st subscription"
)
REFUSED_FOR_STORED_DATA = {
    "POST /api/v1/webhooks/": _WEBHOOK_TARGET,
    "PUT /api/v1/webhooks/{uuid}/": _WEBHOOK_TARGET,
    "PATCH /api/v1/webhooks/{uuid}/": _WEBHOOK_TARGET,
    "GET /api/v1/rounds/": _NAMES_NO_RECORD,
    "GET /api/v1/issues/": _NAMES_NO_RECORD,
    "GET /api/v1/statements/": f"{_NAMES_NO_RECORD}; a cursor the API did not give out",
    "GET /api/v1/statuses/": _NAMES_NO_RECORD,
    "GET /api/v1/positions/": _NAMES_NO_RECORD,
    "GET /api/v1/agreements/": _NAMES_NO_RECORD,
    "GET /api/v1/sessions/": _NAMES_NO_RECORD,
    "GET /api/v1/delegations/": _NAMES_NO_RECORD,
    "GET /api/v1/memberships/": _NAMES_NO_RECORD,
    "GET /api/v1/status-matrix/": "a process slug that names no process",
    "GET /api/v1/popolo/": "a process slug that names no process",
    "POST /api/v1/statements/": f"{_WRITE_NAMES_NO_RECORD}; a statement that repeats one on record; a date "
    "far from its round's; a party its speaker never sat for",
    "POST /api/v1/statuses/": _WRITE_NAMES_NO_RECORD,
    "POST /api/v1/positions/": _WRITE_NAMES_NO_RECORD,
    "POST /api/v1/agreements/": _WRITE_NAMES_NO_RECORD,
    "POST /api/v1/sources/": _SOURCE_VIA,
    "PUT /api/v1/sources/{uuid}/": _SOURCE_VIA,
    "PATCH /api/v1/sources/{uuid}/": _SOURCE_VIA,
    "POST /api/v1/statements/{uuid}/withdraw/": _WITHDRAWN_ON,
    "POST /api/v1/statuses/{uuid}/withdraw/": _WITHDRAWN_ON,
    "POST /api/v1/positions/{uuid}/withdraw/": _WITHDRAWN_ON,
    "POST /api/v1/agreements/{uuid}/withdraw/": _WITHDRAWN_ON,
    "GET /api/v1/attendances/": _NAMES_NO_RECORD,
    # Saves nothing, but reads the report's day as a source's: 1900 to today.
    "POST /api/v1/rounds/{slug}/proposals/": _PUBLISHED_ON,
    **{f"POST {listed}": why for listed, _, why in _SET_UP_ROUTES.values()},
    **{f"{method} {detail}": why for _, detail, why in _SET_UP_ROUTES.values() for method in ("PUT", "PATCH")},
}

# The demo's records by the slug or UUID its loader gives them, known before it is loaded, and
# the parameters that name each kind.
SLUGGED = {"process": Process, "round": Round, "issue": Issue, "party": Party, "person": Person}
# `as_known_on` (negotrack.as_known): a day before the demo's record was made, a moment, today.
MOMENTS = ["2026-02-10", "2026-02-17T12:00:00Z", datetime.datetime.now(datetime.UTC).date().isoformat()]
NAMED_BY = {
    "process": ["query.process", "body.process"],
    "round": ["query.round", "body.round"],
    "issue": ["query.issue", "body.issue", "body.issues[*]"],
    "party": ["query.party", "body.party", "body.parties[*]"],
    "person": ["query.speaker", "query.person", "body.speaker", "body.person"],
    "session": ["query.session", "body.session"],
    "delegation": ["body.delegation"],
    "membership": ["body.membership"],
    "source": ["body.sources[*]", "body.via"],
}
ROUTES = {
    "processes": "process", "rounds": "round", "issues": "issue", "parties": "party", "people": "person",
    "sessions": "session", "delegations": "delegation", "memberships": "membership", "sources": "source",
    "statements": "statement", "statuses": "status", "positions": "position", "agreements": "agreement",
}  # fmt: skip


def demo_names() -> dict[str, list[str]]:
    """Each kind's slugs (or UUIDs, for the kinds without a slug) in the demo record."""
    names = defaultdict(list)
    for kind, key, row in demo_rows(read()):
        if kind not in SLUGGED:
            names[kind].append(str(demo_uuid(kind, key)))
        elif kind in ("party", "person"):
            names[kind].append(slugify(row["name"]))  # as their save services make it
        else:
            names[kind].append(key)  # round and issue keys are the slugs they receive
    return dict(names)


DEMO_NAMES = demo_names()


def schemathesis_config(*, invalid_requests: bool) -> SchemathesisConfig:
    """Every check on (Schemathesis' default), a fixed seed, the demo's names for the
    parameters that name records, and 400 accepted for valid requests only where the refusal
    depends on what is stored."""
    name = {"probability": 0.5}
    records = [
        {
            "include-path-regex": f"^/api/v1/{route}/{{",
            "parameters": {f"path.{'slug' if kind in SLUGGED else 'uuid'}": {"dictionary": kind, **name}},
        }
        for route, kind in ROUTES.items()
    ]
    # As 409 for a stale `version`: an If-Match names a version, and whether the record is at
    # it depends on what is stored.
    accepted = [*PositiveDataAcceptanceConfig().expected_statuses, "412"]
    refusals = [
        {"include-name": operation, "checks": {"positive_data_acceptance": {"expected-statuses": [*accepted, "400"]}}}
        for operation in REFUSED_FOR_STORED_DATA
    ]
    return SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            # Schemathesis' coverage cases are the invalid requests and the edges of the valid ones.
            "phases": {"coverage": {"enabled": invalid_requests}},
            "generation": {
                "mode": "all" if invalid_requests else "positive",
                # A NUL is refused in any string of a body, its keys included (negotrack.text), which
                # no schema can say of keys it does not name; tests/negotrack/test_hostile_input.py
                # sends them.
                "allow-x00": False,
            },
            "checks": {"positive_data_acceptance": {"expected-statuses": accepted}},
            "dictionaries": {
                **{kind: {"values": values} for kind, values in DEMO_NAMES.items()},
                "moments": {"values": MOMENTS},
            },
            "parameters": {
                **{parameter: {"dictionary": kind, **name} for kind in NAMED_BY for parameter in NAMED_BY[kind]},
                # Always a moment gone by: one still to come is refused, which no schema can say.
                "query.as_known_on": {"dictionary": "moments", "probability": 1.0},
            },
            "operations": [*records, *refusals],
        }
    )


def headers_of(request: pytest.FixtureRequest, persona: str) -> dict[str, str]:
    """The headers of a persona's requests: none for an anonymous reader, else a token of their own."""
    if persona == "anonymous":
        return {}
    user = request.getfixturevalue(persona)
    return {"Authorization": f"Token {Token.objects.create(user=user).key}"}


@pytest.fixture
def reviewer_headers(request, db) -> dict[str, str]:
    return headers_of(request, "reviewer")


@pytest.fixture(params=OTHER_READERS)
def other_reader(request, db) -> dict[str, str]:
    return headers_of(request, request.param)


@pytest.fixture(params=OTHER_WRITERS)
def other_writer(request, db) -> dict[str, str]:
    return headers_of(request, request.param)


@pytest.fixture
def unthrottled(monkeypatch):
    # DRF binds the rates to the throttle class when it is imported, so overriding
    # REST_FRAMEWORK or API_ANON_RATE in settings would not reach it; no rate, no limit.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@pytest.fixture(scope="module")
def wsgi_in_the_test_transaction():
    """Requests go through the real WSGI handler, which closes the database connection at
    the end of a request that ran inside a transaction, as each test's does; Django's test
    client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, wsgi_in_the_test_transaction):
    """The demo record, loaded once for the module (not once per operation) with its
    timelines built, in a transaction rolled back after it: each test's own transaction
    nests inside it. The rebuilds an edit asks for wait for a commit that never comes, so
    the timelines are built here, as `rebuild_timelines --all` builds them."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        call_command("rebuild_timelines", "--all", stdout=io.StringIO(), verbosity=0)
        between_rounds = TimelineEntry.objects.filter(round=None)
        assert between_rounds.exists() and between_rounds.count() < TimelineEntry.objects.count(), (
            "the demo's timelines need entries with a round and entries without one"
        )
        for kind, model in SLUGGED.items():
            assert set(DEMO_NAMES[kind]) <= set(model.objects.values_list("slug", flat=True)), kind
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_record(db, demo_loaded, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SCHEMATHESIS_HOST]


# Read while the tests are collected, so that each operation is a test of its own.
# Excluded, not included: Schemathesis ORs `include()` with the `operations` of its config.
with override_settings(ALLOWED_HOSTS=[SCHEMATHESIS_HOST]):
    every_request = schemathesis.openapi.from_wsgi(
        SCHEMA_URL, application, config=schemathesis_config(invalid_requests=True)
    )
    valid_requests = schemathesis.openapi.from_wsgi(
        SCHEMA_URL, application, config=schemathesis_config(invalid_requests=False)
    )

bounded = {
    "derandomize": True,
    "database": None,
    "deadline": None,  # a request's time depends on the machine; the checks are about answers
    "suppress_health_check": list(HealthCheck),
}


@every_request.exclude(method=WRITE_METHODS).parametrize()
@settings(max_examples=READ_EXAMPLES, **bounded)
def test_every_read_answers_an_anonymous_reader_as_the_schema_says(case, demo_record, unthrottled):
    case.call_and_validate()


@valid_requests.exclude(method=WRITE_METHODS).parametrize()
@settings(max_examples=READ_EXAMPLES, **bounded)
def test_every_read_answers_editors_and_reviewers_as_the_schema_says(case, demo_record, unthrottled, other_reader):
    case.call_and_validate(headers=other_reader)


@every_request.exclude(method="GET").parametrize()
@settings(max_examples=WRITE_EXAMPLES, **bounded)
def test_every_write_answers_a_reviewer_as_the_schema_says(case, demo_record, unthrottled, reviewer_headers):
    case.call_and_validate(headers=reviewer_headers)


@valid_requests.exclude(method="GET").parametrize()
@settings(max_examples=WRITE_EXAMPLES, **bounded)
def test_every_write_answers_editors_and_anonymous_writers_as_the_schema_says(
    case, demo_record, unthrottled, other_writer
):
    case.call_and_validate(headers=other_writer)


# Generated requests never carry a validator the server gave out, nor come fast enough to
# be throttled: these two answers are checked against the schema here.

ROUND = ("/api/v1/rounds/{slug}/", {"slug": "geneva-2026-02-17"}, {})
MATRIX = ("/api/v1/status-matrix/", {}, {"process": "russia-ukraine"})
POPOLO = ("/api/v1/popolo/", {}, {"process": "russia-ukraine"})


@pytest.mark.parametrize(("path", "path_parameters", "query"), [ROUND, MATRIX, POPOLO])
def test_a_not_modified_answer_is_as_documented(demo_record, unthrottled, path, path_parameters, query):
    operation = every_request[path]["GET"]
    first = operation.Case(path_parameters=path_parameters, query=query).call()
    assert first.status_code == 200
    again = operation.Case(
        path_parameters=path_parameters, query=query, headers={"If-None-Match": first.headers["etag"][0]}
    )
    response = again.call()
    assert response.status_code == 304
    again.validate_response(response)


@pytest.fixture
def one_a_minute(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/min"})


def test_a_throttled_answer_is_as_documented(demo_record, one_a_minute):
    case = every_request[ROUND[0]]["GET"].Case(path_parameters=ROUND[1])
    assert case.call().status_code == 200
    response = case.call()
    assert response.status_code == 429
    assert int(response.headers["retry-after"][0]) > 0
    case.validate_response(response)
