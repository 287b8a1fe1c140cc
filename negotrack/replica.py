"""Public reads from a read replica: the database router, and the middleware that tells it
which requests are public reads.

With DATABASE_REPLICA_URL set, the settings add a second database alias, `replica` (a
streaming replica of the primary: a PostgreSQL hot standby), and turn on
PUBLIC_READS_FROM_REPLICA. A public read is a request that only reads (GET, HEAD,
OPTIONS) from a reader who is not signed in and sends no API token: its queries go to the
replica, so that anonymous readers and polling tools, who are most of the traffic, load
the replica and leave the primary to the editors. Everything else reads and writes the
primary.

**How a request tells the router.** PublicReadMiddleware, placed after Django's
AuthenticationMiddleware, decides once per request and sets a context variable for as
long as the request runs, a streamed answer (a CSV) included, until its last chunk is
read; the router reads that variable for every query. A context variable, not a
thread-local or an attribute of the request: the router is never handed the request, and
a context variable is per thread under gunicorn's workers and per task under ASGI alike.
Commands, Celery jobs (the timeline rebuilds) and the tests never set it, so they use the
primary.

**What stays on the primary, and why.** Whatever a reader may read right after a write
must come from where the write went, since a replica lags behind by however long it
takes to replay it (usually milliseconds, longer under load):

- every request that is not GET, HEAD or OPTIONS, and everything it reads;
- signed-in readers (a session cookie) and any request that sends `Authorization` (an API
  token, which DRF checks only in the view, after every middleware): editors and
  reviewers read what they have just written;
- the changes feed (`/api/v1/changes/`), which tools follow to stay in step: its positions
  are cut at the primary's transaction snapshot (`pg_snapshot_xmin`), and it answers what
  has committed there, not what a replica has replayed so far (webhooks, when they come,
  are sent from it too);
- `/healthz`, which reports on the database this process writes to;
- the admin (`/admin/`) and signing in and out (`/accounts/`), including their pages
  for a reader not yet signed in: a sign-in writes the session and the count of failed
  attempts (django-axes), and the very next request reads them;
- accounts, groups, sessions, tokens and sign-in attempts (the auth, sessions, authtoken
  and axes apps), whoever reads them: the session is read to learn whether a request is
  signed in at all, before this middleware has decided anything;
- any read inside a transaction on the primary: it must see what that transaction wrote,
  and the snapshot it took.

The readers' rate limits (the 429 counters) are counted in the cache (Redis), never in
the database, so they do not meet the replica's lag. The validators of a public read
(ETag, Last-Modified, from the change log) come from the replica like the answer they
stand for, so a 304 never vouches for an answer that the replica has not caught up with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

REPLICA = "replica"

# What the primary alone may serve, whoever asks (module docstring).
PRIMARY_APPS = frozenset({"auth", "sessions", "authtoken", "axes"})
PRIMARY_PATH_PREFIXES = ("/api/v1/changes/", "/admin/", "/accounts/")
PRIMARY_PATHS = frozenset({"/healthz"})
READING = ("GET", "HEAD", "OPTIONS")

_public_read: ContextVar[bool] = ContextVar("negotrack_public_read", default=False)


def is_public_read(request: HttpRequest) -> bool:
    """Whether the request's queries may go to the replica. The cheap tests come first:
    with no replica, nothing else is looked at, and `request.user` (the session, from the
    primary) is read only for a reading request that sends no token."""
    path = request.path_info
    return (
        settings.PUBLIC_READS_FROM_REPLICA
        and request.method in READING
        and path not in PRIMARY_PATHS
        and not path.startswith(PRIMARY_PATH_PREFIXES)
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.user.is_authenticated
    )


@contextmanager
def public_read() -> Iterator[None]:
    """The block's reads are a public read's (the middleware's way of saying so, and the
    tests'). Set and then cleared, not reset by token: a streamed answer is read after the
    middleware has returned, under ASGI in another context, where a token of this one
    would be refused."""
    _public_read.set(True)
    try:
        yield
    finally:
        _public_read.set(False)


def _read_publicly(content: Iterable[bytes]) -> Iterator[bytes]:
    # Runs as the server reads the stream, after the middleware has returned.
    with public_read():
        yield from content


class PublicReadMiddleware:
    """Marks a public read for the router, from here to the end of its answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_public_read(request):
            return self.get_response(request)
        with public_read():
            response = self.get_response(request)
        if isinstance(response, StreamingHttpResponse):
            response.streaming_content = _read_publicly(response.streaming_content)
        return response


class PublicReadRouter:
    """Public reads to the replica, everything else to the primary (`default`).

    Writes always name the primary, even for a record that was read from the replica:
    Django would otherwise write it back where it came from. Records read from either
    database may be related to each other, being the same data. Migrations never run on
    the replica, which receives the primary's schema by replication.
    """

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        if (
            _public_read.get()
            and model._meta.app_label not in PRIMARY_APPS
            and not connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, first: Model, second: Model, **hints: Any) -> bool | None:
        if {first._state.db, second._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        return False if db == REPLICA else None
