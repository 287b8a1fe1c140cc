"""On PostgreSQL no reader's request holds the database for long: every query of a GET
runs under READ_STATEMENT_TIMEOUT_MS and one that runs past it answers 503, while
editors' writes are never cut. Slow views of this module's own stand in for a slow page
and a slow API read (`pg_sleep`), on the primary and on the read replica."""

import time

import pytest
from django.db import connection, connections
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.decorators import api_view
from rest_framework.response import Response

from issues.api.views import statements as statement_views
from negotrack import urls
from negotrack.statement_timeout import MESSAGE
from tests.factories import StatementFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"),
    pytest.mark.urls(__name__),
]


def sleep(request: HttpRequest, database: str = "default") -> None:
    with connections[database].cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [float(request.GET.get("seconds", "2"))])


def slow_page(request: HttpRequest) -> HttpResponse:
    sleep(request)
    return HttpResponse("slept")


def slow_page_on_the_replica(request: HttpRequest) -> HttpResponse:
    sleep(request, "replica")
    return HttpResponse("slept")


@api_view(["GET"])
def slow_read(request: HttpRequest) -> Response:
    sleep(request)
    return Response({"slept": True})


@csrf_exempt
def slow_write(request: HttpRequest) -> HttpResponse:
    sleep(request)
    return HttpResponse("written")


urlpatterns = [
    path("slow/", slow_page),
    path("slow-replica/", slow_page_on_the_replica),
    path("slow-write/", slow_write),
    path("api/v1/slow/", slow_read),
    *urls.urlpatterns,
]


@pytest.fixture
def short_timeout(settings):
    settings.READ_STATEMENT_TIMEOUT_MS = 300


def timed(call):
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


def statement_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


def test_a_readers_query_is_stopped_after_a_second_and_answers_503(client, db):
    response, seconds = timed(lambda: client.get("/slow/?seconds=2"))
    assert response.status_code == 503
    assert 1.0 <= seconds < 1.8
    assert response["Content-Type"].startswith("text/html")
    assert MESSAGE in response.content.decode()


@pytest.mark.django_db(databases=["default", "replica"])
def test_a_query_on_the_read_replica_is_stopped_too(client, short_timeout):
    response, seconds = timed(lambda: client.get("/slow-replica/"))
    assert response.status_code == 503
    assert seconds < 1.5


def test_under_the_api_the_503_is_json(client, db, short_timeout):
    response, seconds = timed(lambda: client.get("/api/v1/slow/"))
    assert response.status_code == 503
    assert seconds < 1.5
    assert response.json() == {"detail": MESSAGE}


def test_an_editors_write_is_not_cut(client, editor, short_timeout):
    client.force_login(editor)
    response, seconds = timed(lambda: client.post("/slow-write/?seconds=0.6"))
    assert response.status_code == 200
    assert seconds >= 0.6


# Serialized rollback, as every committing test here: the flush after it would also take the
# groups made by a data migration, and make the content types again under new numbers.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_stopped_read_the_connection_serves_writes_without_the_limit(client, short_timeout):
    # No transaction around the requests here, as in production: the limit is taken back
    # from the very connection the next request gets.
    before = statement_timeout()
    assert client.get("/slow/").status_code == 503
    assert statement_timeout() == before
    assert client.post("/slow-write/?seconds=0.6").status_code == 200


def test_the_csv_streams_every_chunk_under_the_limit_and_takes_it_back_at_the_end(
    client, db, short_timeout, monkeypatch
):
    monkeypatch.setattr(statement_views, "CSV_CHUNK", 4)
    said = {str(StatementFactory(publish=True, text=f"Statement {n}.").uuid) for n in range(10)}
    before = statement_timeout()
    response = client.get("/api/v1/statements/?format=csv")
    stream = iter(response.streaming_content)
    lines = [next(stream)]
    assert statement_timeout() == "300ms"  # while the stream is read, between its chunks
    lines += list(stream)
    assert statement_timeout() == before
    assert len(lines) == 11
    assert {line.decode().split(",")[0] for line in lines[1:]} == said


def test_a_read_that_ends_at_the_validators_never_sets_the_limit(client, db, monkeypatch):
    """The change log's state is a bounded query: a 304 (or a kept answer) costs that one
    query, not two more round trips to set the limit and take it back."""
    from negotrack import statement_timeout

    StatementFactory()
    settings_sent = []
    driver_execute = statement_timeout._driver_execute
    monkeypatch.setattr(
        statement_timeout, "_driver_execute", lambda *a: settings_sent.append(a[1]) or driver_execute(*a)
    )
    etag = client.get("/api/v1/statements/")["ETag"]
    assert len(settings_sent) == 2  # the full read: the limit set, then taken back
    assert client.get("/api/v1/statements/", headers={"if-none-match": etag}).status_code == 304
    assert len(settings_sent) == 2
