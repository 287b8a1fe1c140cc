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
    "Python's standard library and built-ins, called by none of the above",
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


Function = tuple[str, int, str]  # pstats' key: file, line, name


def charged_by_part(stats: dict[Function, tuple[Any, ...]]) -> dict[str, float]:
    """Each function's exclusive time, summed by part. The standard library's and the
    built-ins' time is charged to whoever called them, in proportion to the time each caller
    spent in them (through other standard functions as far as it takes): a hash or a join
    that negotrack's code asks for is negotrack's. Only what no caller outside them asked
    for stays with the standard library (the interpreter's own start of a request)."""
    stdlib = PARTS[5]
    shares_of: dict[Function, dict[str, float]] = {}

    def shares(function: Function, path: frozenset[Function]) -> dict[str, float]:
        """How a second of this function's own time divides among the parts."""
        part = _part(function[0], function[2])
        if part != stdlib:
            return {part: 1.0}
        if function in shares_of:
            return shares_of[function]
        callers = stats.get(function, (0, 0, 0.0, 0.0, {}))[4]
        weights = {caller: entry[2] for caller, entry in callers.items() if caller not in path and entry[2] > 0}
        whole = sum(weights.values())
        if not whole:
            return {stdlib: 1.0}
        divided: dict[str, float] = {}
        for caller, weight in weights.items():
            for caller_part, share in shares(caller, path | {function}).items():
                divided[caller_part] = divided.get(caller_part, 0.0) + share * weight / whole
        shares_of[function] = divided
        return divided

    totals = dict.fromkeys(PARTS, 0.0)
    for function, row in stats.items():
        for part, share in shares(function, frozenset()).items():
            totals[part] += row[2] * share  # the function's exclusive time
    return totals


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
    totals = charged_by_part(pstats.Stats(profile).stats)  # type: ignore[attr-defined]  # pstats' own table
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
