"""The public validators' query stands in for the connection's health check: a conditional
read on a kept connection asks PostgreSQL one query, not `SELECT 1` first, and a kept
connection that broke since the last request (the server restarted) is replaced, so the
read answers as usual instead of 503."""

import psycopg
import pytest
from django.db import connections

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PATH = "/api/v1/issues/"


@pytest.fixture
def kept_connection():
    """The default connection as a new request finds it in production: kept from an earlier
    request (CONN_MAX_AGE), with its health check enabled and not yet done."""
    kept = connections["default"]
    kept.ensure_connection()
    before = kept.health_check_enabled
    kept.health_check_enabled = True
    yield kept
    kept.health_check_enabled = before
    kept.close()  # what the end of a request does with a connection that failed


def _break(kept):
    """End the kept connection's server process from another connection, as a restart of the
    server would; the process id it had."""
    pid = kept.connection.info.backend_pid
    settings = kept.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname=settings["NAME"], autocommit=True
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


def _next_request(kept):
    kept.health_check_done = False


def test_a_conditional_read_asks_no_separate_health_check(client, kept_connection, monkeypatch):
    etag = client.get(PATH)["ETag"]
    checks = []
    monkeypatch.setattr(type(kept_connection), "is_usable", lambda self: checks.append(1) or True)
    _next_request(kept_connection)
    assert client.get(PATH, headers={"if-none-match": etag}).status_code == 304
    assert checks == []
    assert kept_connection.health_check_done


def test_a_kept_connection_broken_since_is_replaced(client, kept_connection):
    etag = client.get(PATH)["ETag"]
    broken_pid = _break(kept_connection)
    _next_request(kept_connection)
    assert client.get(PATH, headers={"if-none-match": etag}).status_code == 304
    assert kept_connection.connection.info.backend_pid != broken_pid


def test_a_broken_connection_inside_a_request_still_fails(client, kept_connection):
    """Only the request's first query stands for the health check: once it is done, a
    connection that breaks is the database going away (503), not retried."""
    client.raise_request_exception = False
    etag = client.get(PATH)["ETag"]
    _break(kept_connection)
    kept_connection.health_check_done = True
    assert client.get(PATH, headers={"if-none-match": etag}).status_code == 503
