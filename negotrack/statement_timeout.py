"""A reader's request never holds the database for long.

On PostgreSQL, a request that only reads (GET, HEAD, OPTIONS, whoever sends it) runs with
`statement_timeout` set to READ_STATEMENT_TIMEOUT_MS, on the primary and on the read
replica alike (public reads go there when there is one: negotrack.replica), and a query
that the timeout cancels answers 503 with a plain message instead of an error page. Every other request (an
editor's write, an admin save) keeps the database's own setting, and so do the commands
and the background jobs, which no request runs.

The limit is per statement, never on a whole answer: a streamed CSV reads in chunks, one
query each, and the limit is taken back only once the stream has ended (or the client
went away), so that every chunk runs under it.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from django.conf import settings
from django.db import DatabaseError, OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from psycopg.errors import QueryCanceled

from negotrack.requestlog import clean

logger = logging.getLogger(__name__)

READING = ("GET", "HEAD", "OPTIONS")
MESSAGE = (
    "The database took too long to answer this request, and it was stopped so that other readers "
    "are not kept waiting. Try again in a moment, or ask for less (fewer words, narrower filters)."
)


def _driver_execute(connection: BaseDatabaseWrapper, sql: str, params: tuple[str, ...] = ()) -> None:
    """A setting of the connection, through the driver's own cursor: it is no query of
    the page, so the pages' pinned query counts stay the same on both databases."""
    with connection.wrap_database_errors, connection.connection.cursor() as cursor:
        cursor.execute(sql, params)


_BOUNDED = contextvars.ContextVar("bounded_query", default=False)


@contextmanager
def bounded_query() -> Iterator[None]:
    """A query whose cost has a bound of its own (an index scan with a LIMIT, such as the
    validators' read of the change log) runs without the readers' limit: a read that ends
    there (a 304, a kept answer) then never sets the limit and takes it back, two round
    trips for nothing."""
    token = _BOUNDED.set(True)
    try:
        yield
    finally:
        _BOUNDED.reset(token)


class ReadLimit:
    """An execute wrapper that puts the reader's limit on a connection just before the
    request's first query there: a request that reads nothing (the schema, a redirect, a
    probe while the database is down) never opens a connection for it, and a public read
    that goes to the replica sets nothing on the primary."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.applied = False

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        if not self.applied and not _BOUNDED.get():
            self.applied = True
            _driver_execute(
                self.connection,
                "SELECT set_config('statement_timeout', %s, false)",
                (str(settings.READ_STATEMENT_TIMEOUT_MS),),
            )
        return execute(sql, params, many, context)

    def lift(self) -> None:
        """Back to the database's own setting, before the connection serves anything else."""
        if not self.applied or self.connection.connection is None:
            return  # never set, or the connection is closed: a new one starts without it
        try:
            _driver_execute(self.connection, "RESET statement_timeout")
        except DatabaseError:
            if not self.connection.in_atomic_block:
                # A connection that cannot take the limit back must not serve a write with it.
                self.connection.close()
            # Inside a transaction that failed (only a test wraps a request in one), the
            # rollback takes the setting back with everything else.


def _closed_after(content: Iterable[bytes], limit: ExitStack) -> Iterator[bytes]:
    try:
        yield from content
    finally:
        limit.close()


def cancelled(exception: BaseException) -> bool:
    """A query cancelled by the statement timeout (or by an operator)."""
    return isinstance(exception, OperationalError) and isinstance(exception.__cause__, QueryCanceled)


class ReadStatementTimeoutMiddleware:
    """READ_STATEMENT_TIMEOUT_MS on every query of a reading request, on every database it
    reads, and 503 for a query that runs past it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in READING or not settings.READ_STATEMENT_TIMEOUT_MS:
            return self.get_response(request)
        limited_connections = [each for each in connections.all() if each.vendor == "postgresql"]
        if not limited_connections:
            return self.get_response(request)
        limited = ExitStack()
        for connection in limited_connections:
            limit = ReadLimit(connection)
            limited.enter_context(connection.execute_wrapper(limit))
            limited.callback(limit.lift)
        try:
            response = self.get_response(request)
        except BaseException:
            limited.close()
            raise
        if isinstance(response, StreamingHttpResponse):
            # Its queries run while it streams; closing the response closes this generator,
            # even when the client went away halfway.
            response.streaming_content = _closed_after(response.streaming_content, limited)
        else:
            limited.close()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not cancelled(exception):
            return None
        logger.warning("query cancelled by the statement timeout: %s %s", request.method, clean(request.path))
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": MESSAGE}, status=503)
        return render(request, "errors/database_busy.html", {"message": MESSAGE}, status=503)
