"""Where a conditional read's time goes: the benchmark's profile of a 304 beside the floor's.

Run by the benchmark (scripts/bench.py) inside Django, under the benchmark's settings and on
its database, through `manage.py shell -c`. Both requests go through Django's WSGI handler
in this one process, with every middleware, as gunicorn would hand them on: the floor
(`/api/bench/floor/`) and `GET /api/v1/issues/?process=` with the ETag it answered. Each is
timed without a profiler first, then profiled; the profile's exclusive time of every
function is summed by where the function lives, and scaled to the unprofiled time, so that
the shares say what a request costs, not what profiling it costs.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import sys
import sysconfig
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.handlers.wsgi import WSGIHandler

from scripts.bench_measures import MARK

ROOT = Path(__file__).resolve().parent.parent
OURS = tuple(str(ROOT / package) + "/" for package in ("negotrack", "issues", "rounds", "delegations"))
STDLIB = sysconfig.get_paths()["stdlib"] + "/"

# The parts, in the order the report lists them.
PARTS = (
    "negotrack's own code",
    "Django",
    "Django REST framework",
    "psycopg and redis-py, and waiting on PostgreSQL and Redis",
    "other libraries (middleware: CSP, axes, WhiteNoise, history, JSON logs)",
    "Python's standard library and built-ins",
)
REQUESTS = 2000


def _part(filename: str, function: str) -> str:
    if filename.startswith(OURS):
        return PARTS[0]
    if "/site-packages/" in filename:
        package = filename.split("/site-packages/", 1)[1].split("/", 1)[0]
        if package == "django":
            return PARTS[1]
        if package == "rest_framework":
            return PARTS[2]
        if package.startswith(("psycopg", "redis")):
            return PARTS[3]
        return PARTS[4]
    if filename == "~" and any(name in function for name in ("socket", "select", "poll")):
        return PARTS[3]  # the clients' own sends and receives
    return PARTS[5]


def _environ(path: str, query: str, etag: str | None) -> dict[str, Any]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "localhost",  # the benchmark's ALLOWED_HOSTS, as its other requests send
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    if etag:
        environ["HTTP_IF_NONE_MATCH"] = etag
    return environ


class _Client:
    def __init__(self) -> None:
        self.handler = WSGIHandler()

    def get(self, environ: dict[str, Any]) -> tuple[int, dict[str, str]]:
        answer: dict[str, Any] = {}

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None, /
        ) -> Callable[[bytes], object]:
            answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)
            return lambda body: None  # WSGI's write(), which Django never calls

        body = self.handler({**environ, "wsgi.input": io.BytesIO()}, start_response)
        b"".join(body)
        getattr(body, "close", lambda: None)()
        return answer["status"], answer["headers"]


def _profile(client: _Client, environ: dict[str, Any], status: int) -> dict[str, Any]:
    for _ in range(200):  # warm: connections made, code paths taken once
        got, _ = client.get(environ)
        if got != status:
            raise RuntimeError(f"{environ['PATH_INFO']} answered {got}, not {status}")
    began = time.perf_counter()
    for _ in range(REQUESTS):
        client.get(environ)
    plain_ms = (time.perf_counter() - began) * 1000 / REQUESTS
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(REQUESTS):
        client.get(environ)
    profile.disable()
    totals = dict.fromkeys(PARTS, 0.0)
    for (filename, _, function), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]  # pstats' own table
        totals[_part(filename, function)] += row[2]  # the function's exclusive time
    profiled = sum(totals.values())
    return {"ms": plain_ms, "parts": {part: plain_ms * seconds / profiled for part, seconds in totals.items()}}


def where_a_304_goes(process: str) -> None:
    """Print the floor's and the 304's time per request, whole and by part."""
    client = _Client()
    status, headers = client.get(_environ("/api/v1/issues/", f"process={process}", None))
    if status != 200 or "ETag" not in headers:
        raise RuntimeError(f"/api/v1/issues/?process={process} answered {status} without an ETag")
    floor = _profile(client, _environ("/api/bench/floor/", "", None), 200)
    not_modified = _profile(client, _environ("/api/v1/issues/", f"process={process}", headers["ETag"]), 304)
    print(MARK + json.dumps({"floor": floor, "304": not_modified, "requests": REQUESTS}), flush=True)
