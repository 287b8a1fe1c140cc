"""503, not 500, while the database cannot be reached (a restart, a failover, a network
cut), or when a read replica cancelled a read to catch up with the primary: the answer
says to come back shortly, with Retry-After, as JSON on the API and as a page elsewhere.
The log still has the exception (django.request logs every 5xx with it).

Django's 500 handler (`handler500` in negotrack.urls) is what every uncaught exception
reaches, whether a view, DRF or a middleware raised it, so this is where it is told apart.
Any other error stays a 500.
"""

from __future__ import annotations

import sys

import psycopg
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 5
MESSAGE = (
    "The database cannot be reached just now (it may be restarting). Nothing was changed; try again in a few seconds."
)
CANCELLED_MESSAGE = (
    "The database could not answer just now (it was bringing a copy of the record up to date). "
    "Nothing was changed; try again in a few seconds."
)

# What PostgreSQL says while it shuts down or starts up; a failed connection or one cut
# short raises psycopg's OperationalError itself, without a SQLSTATE of its own.
_GOING_AWAY = (psycopg.errors.AdminShutdown, psycopg.errors.CrashShutdown, psycopg.errors.CannotConnectNow)


def unreachable(exception: BaseException | None) -> bool:
    """The database is down or was cut off, as opposed to a query that failed."""
    if isinstance(exception, InterfaceError):  # Django's: the connection is already closed
        return True
    if not isinstance(exception, OperationalError):
        return False
    cause = exception.__cause__
    return type(cause) is psycopg.OperationalError or isinstance(cause, (*_GOING_AWAY, psycopg.InterfaceError))


def cancelled_by_replication(exception: BaseException | None) -> bool:
    """A read replica cancelled the query to replay the primary's changes under it (a
    hot standby's "conflict with recovery", SQLSTATE 40001): the same read a moment later
    succeeds. Nothing a request writes runs there; on the primary, only a serializable
    or repeatable-read transaction fails so, and the rebuild, the one that uses one,
    handles it itself."""
    return isinstance(exception, OperationalError) and isinstance(
        exception.__cause__, psycopg.errors.SerializationFailure
    )


def server_error(request: HttpRequest, template_name: str = defaults.ERROR_500_TEMPLATE_NAME) -> HttpResponse:
    """Django's 500 view, but a 503 when the exception being handled says the database is
    away, or could not answer this once."""
    exception = sys.exc_info()[1]
    if unreachable(exception):
        message = MESSAGE
    elif cancelled_by_replication(exception):
        message = CANCELLED_MESSAGE
    else:
        return defaults.server_error(request, template_name)
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        # Rendered without the request: the context processors would ask the database who
        # is signed in.
        response = HttpResponse(render_to_string("errors/database_unavailable.html", {"message": message}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
