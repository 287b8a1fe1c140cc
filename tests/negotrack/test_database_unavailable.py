"""While the database cannot be reached, every request answers 503 with Retry-After (JSON
on the API, a page elsewhere), never a 500; any other database error stays a 500.

The database is made unreachable by a query wrapper raising what Django raises when
psycopg cannot connect, or when PostgreSQL shuts down under a connection. The soak test
(scripts/soak.py) restarts a real PostgreSQL under load and counts the answers.
"""

from contextlib import contextmanager

import psycopg
import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, connection

from negotrack.unavailable import CANCELLED_MESSAGE, RETRY_AFTER_SECONDS, cancelled_by_replication, unreachable


def _django_error(cause: Exception, wrapper=OperationalError) -> Exception:
    try:
        raise wrapper(str(cause)) from cause
    except Exception as error:  # noqa: BLE001 - the exception as Django hands it on
        return error


@contextmanager
def database_away(cause: Exception):
    def fail(execute, sql, params, many, context):
        raise _django_error(cause)

    with connection.execute_wrapper(fail):
        yield


@pytest.mark.parametrize(
    ("error", "away"),
    [
        (_django_error(psycopg.OperationalError("connection failed: Connection refused")), True),
        (_django_error(psycopg.errors.AdminShutdown("terminating connection due to administrator command")), True),
        (_django_error(psycopg.errors.CannotConnectNow("the database system is starting up")), True),
        (_django_error(psycopg.InterfaceError("the connection is closed")), True),
        (InterfaceError("connection already closed"), True),
        (_django_error(psycopg.errors.QueryCanceled("canceling statement due to statement timeout")), False),
        (_django_error(psycopg.errors.DiskFull("could not extend file")), False),
        (_django_error(psycopg.errors.UniqueViolation("duplicate key"), IntegrityError), False),
        (ValueError("not the database"), False),
    ],
    ids=lambda value: type(value.__cause__ or value).__name__ if isinstance(value, Exception) else str(value),
)
def test_which_errors_mean_the_database_is_away(error, away):
    assert unreachable(error) is away


REFUSED = psycopg.OperationalError('connection failed: connection to server at "127.0.0.1", port 5432 failed')


@pytest.mark.django_db
def test_a_page_answers_503_with_a_page_that_says_to_come_back(client):
    client.raise_request_exception = False
    with database_away(REFUSED):
        answer = client.get("/")
    assert answer.status_code == 503
    assert answer["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Back in a moment" in answer.content.decode()
    assert "try again in a few seconds" in answer.content.decode()


@pytest.mark.django_db
def test_the_api_answers_503_in_json_for_reads_and_writes(client, token_api, editor):
    api = token_api(editor)
    api.raise_request_exception = False
    with database_away(psycopg.errors.AdminShutdown("terminating connection due to administrator command")):
        read = api.get("/api/v1/issues/")
        write = api.post("/api/v1/statements/", {"text": "x"}, format="json")
    for answer in (read, write):
        assert answer.status_code == 503, answer.content
        assert answer["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "cannot be reached" in answer.json()["detail"]


@pytest.mark.django_db
def test_another_database_error_stays_a_500(client):
    client.raise_request_exception = False
    with database_away(psycopg.errors.DiskFull("could not extend file")):
        answer = client.get("/api/v1/issues/")
    assert answer.status_code == 500
    assert "Retry-After" not in answer


CONFLICT = "canceling statement due to conflict with recovery"


def test_a_read_cancelled_by_a_replica_is_told_apart_from_an_unreachable_database():
    cancelled = _django_error(psycopg.errors.SerializationFailure(CONFLICT))
    assert cancelled_by_replication(cancelled)
    assert not unreachable(cancelled)
    assert not cancelled_by_replication(_django_error(psycopg.errors.DiskFull("could not extend file")))


@pytest.mark.django_db
def test_a_read_a_replica_cancelled_answers_503_on_the_api_and_the_pages(client):
    client.raise_request_exception = False
    with database_away(psycopg.errors.SerializationFailure(CONFLICT)):
        read, page = client.get("/api/v1/issues/"), client.get("/")
    for answer in (read, page):
        assert answer.status_code == 503
        assert answer["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert read.json() == {"detail": CANCELLED_MESSAGE}
    assert "bringing a copy of the record up to date" in page.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own error")
def test_postgresqls_own_conflict_error_answers_503(client):
    """The error as the server raises it (SQLSTATE 40001), not one made in Python."""

    def conflict(execute, sql, params, many, context):
        execute(
            "DO $$ BEGIN RAISE EXCEPTION 'canceling statement due to conflict with recovery' "
            "USING ERRCODE = '40001'; END $$",
            None,
            False,
            context,
        )

    client.raise_request_exception = False
    with connection.execute_wrapper(conflict):
        answer = client.get("/api/v1/issues/")
    assert answer.status_code == 503, answer.content
    assert answer.json() == {"detail": CANCELLED_MESSAGE}
