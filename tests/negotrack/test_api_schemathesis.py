"""Every operation of the API answers as its OpenAPI schema says, whatever a client sends.

Schemathesis reads the schema that the app serves at /api/v1/schema/, in-process through
WSGI (no server), and for each operation sends requests made from it: valid ones, and
invalid ones (a malformed date, an unknown slug, a wrong type). Every answer must be no
server error (5xx), carry a documented status code and content type, and match the
documented body and headers. The demo record is loaded first, once, so that slugs and UUIDs
from it resolve; the anonymous rate limit is lifted so that the run does not end in 429s
(the 429 itself is checked against the schema by its own test below).

The schema is read once, while pytest collects this module, so that each operation is a
test of its own (`-k "rounds and slug"` picks one). The run is bounded (`MAX_EXAMPLES`
generated requests per operation, on top of Schemathesis' coverage cases) and
derandomized, so CI sends the same requests every time. A failure prints the request as
a curl command.

Reads run as an anonymous reader (the `api_headers` fixture sends no credentials); the
writes run with a reviewer's token (`reviewer_headers`), who may do everything the API
offers, with fewer examples each (`WRITE_EXAMPLES`). Each test runs in its own
transaction, which pytest-django rolls back, so writes do not leak from one operation to
the next.
"""

import io

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from negotrack.wsgi import application

SCHEMA_URL = "/api/v1/schema/"
SCHEMATHESIS_HOST = "localhost"  # the Host header of Schemathesis' WSGI client
MAX_EXAMPLES = 25
WRITE_EXAMPLES = 10

# Minutes of requests: the PostgreSQL pass only, which runs the API as deployed (tests/conftest.py).
pytestmark = pytest.mark.postgres_pass

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_headers():
    """The headers every request carries: none, for an anonymous reader."""
    return {}


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
    """The demo record, loaded once for the module (not once per operation) in a transaction
    rolled back after it: each test's own transaction nests inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_record(db, demo_loaded, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SCHEMATHESIS_HOST]


# Read while the tests are collected, so that each operation is a test of its own.
with override_settings(ALLOWED_HOSTS=[SCHEMATHESIS_HOST]):
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, application).include(method="GET")
    writes = schemathesis.openapi.from_wsgi(SCHEMA_URL, application).exclude(method="GET")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,  # a request's time depends on the machine; the checks are about answers
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_the_schema_says(case, demo_record, unthrottled, api_headers):
    case.call_and_validate(headers=api_headers, checks=CHECKS)


@pytest.fixture
def reviewer_headers(reviewer):
    return {"Authorization": f"Token {Token.objects.create(user=reviewer).key}"}


@writes.parametrize()
@settings(
    max_examples=WRITE_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_write_answers_as_the_schema_says(case, demo_record, reviewer_headers):
    case.call_and_validate(headers=reviewer_headers, checks=CHECKS)


# Generated requests never carry a validator the server gave out, nor come fast enough to
# be throttled: these two answers are checked against the schema here.

ROUND = ("/api/v1/rounds/{slug}/", {"slug": "geneva-2026-02-17"}, {})
MATRIX = ("/api/v1/status-matrix/", {}, {"process": "russia-ukraine"})


@pytest.mark.parametrize(("path", "path_parameters", "query"), [ROUND, MATRIX])
def test_a_not_modified_answer_is_as_documented(demo_record, unthrottled, api_headers, path, path_parameters, query):
    operation = schema[path]["GET"]
    first = operation.Case(path_parameters=path_parameters, query=query).call(headers=api_headers)
    assert first.status_code == 200
    again = operation.Case(
        path_parameters=path_parameters, query=query, headers={"If-None-Match": first.headers["etag"][0]}
    )
    response = again.call(headers=api_headers)
    assert response.status_code == 304
    again.validate_response(response, checks=CHECKS)


@pytest.fixture
def one_a_minute(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/min"})


def test_a_throttled_answer_is_as_documented(demo_record, one_a_minute):
    case = schema[ROUND[0]]["GET"].Case(path_parameters=ROUND[1])
    assert case.call().status_code == 200
    response = case.call()
    assert response.status_code == 429
    assert int(response.headers["retry-after"][0]) > 0
    case.validate_response(response, checks=CHECKS)
