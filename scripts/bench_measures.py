"""The benchmark's measures (scripts/bench.py), each against the gunicorn, the database or
the worker that the benchmark started: throughput and page times with wrk, the timeline
rebuilds against a COPY, and a publication's way to its issue's timeline."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scripts.bench_report import (
    FIRST_PAGE,
    FLOOR,
    ISSUES,
    ISSUES_304,
    ISSUES_TWIN,
    MATRIX,
    MATRIX_304,
    MATRIX_TWIN,
    PAGE_500,
    ROUND_TRIPS_304,
)
from scripts.bench_wrk import Load, WrkReport, run_wrk
from scripts.ci_tools import ROOT, Answer, Failed, check, http, wait_for
from scripts.dev_commands import PYTHON
from scripts.soak_services import LocalPostgres

# What scripts/bench_record.py prints before the JSON it answers, in `manage.py shell`.
MARK = "bench-record: "

# As the TLS proxy forwards a request (BEHIND_TLS_PROXY=1), to the host the settings allow.
PROXIED = {"Host": "localhost", "X-Forwarded-Proto": "https"}


@dataclass(frozen=True)
class Address:
    """A request the benchmark repeats, and the status it must answer every time."""

    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    status: int = 200


def ask(port: int, address: Address) -> Answer:
    """One plain request, its status checked: wrk takes any 3xx (a redirect) for success."""
    answer = http(port, "GET", address.path, headers=address.headers)
    check(answer.status == address.status,
          f"GET {address.path} answered {answer.status}, not {address.status}: {answer.body[:300]!r}")  # fmt: skip
    return answer


def first_difference(api: Any, twin: Any, where: str = "") -> str | None:
    """Where two JSON documents first differ, or None when they are equal."""
    if isinstance(api, dict) and isinstance(twin, dict):
        if list(api) != list(twin):
            return f"{where or 'the top'}: keys {list(api)} vs {list(twin)}"
        return next((d for key in api if (d := first_difference(api[key], twin[key], f"{where}.{key}"))), None)
    if isinstance(api, list) and isinstance(twin, list):
        if len(api) != len(twin):
            return f"{where}: {len(api)} items vs {len(twin)}"
        return next((d for i, (a, t) in enumerate(zip(api, twin, strict=True))
                     if (d := first_difference(a, t, f"{where}[{i}]"))), None)  # fmt: skip
    return None if api == twin else f"{where}: {api!r} vs {twin!r}"


def check_twin(port: int, api: Address, twin: Address) -> None:
    """The twin answers the API's JSON: the same keys in the same order, the same values."""
    difference = first_difference(ask(port, api).json(), ask(port, twin).json())
    if difference is not None:
        raise Failed(f"{twin.path} does not answer what {api.path} does, at {difference}")


def not_modified(port: int, path: str) -> Address:
    """The path with the ETag it answers now: a valid If-None-Match, answered 304."""
    etag = ask(port, Address(path)).headers["ETag"]
    check(bool(etag), f"GET {path} answers no ETag")
    return Address(path, {"If-None-Match": etag}, status=304)


def deep_page(port: int, path: str, number: int) -> str:
    """The path of page `number` of a list, following its `next` cursors from the first."""
    for _ in range(number - 1):
        following = ask(port, Address(path)).json()["next"]
        check(following is not None, f"the list ends before page {number}")
        parts = urlsplit(following)
        path = f"{parts.path}?{parts.query}"
    return path


def interleaved(
    wrk: str, port: int, addresses: dict[str, Address], load: Load, runs: int, pick: Callable[[WrkReport], float],
    say: Callable[[str], None],
) -> dict[str, list[float]]:  # fmt: skip
    """`runs` rounds, each running wrk once on every address in turn, after a short warm-up
    of each; what `pick` takes from each report, by address."""
    for what, address in addresses.items():
        ask(port, address)
        run_wrk(wrk, port, address.path, {**PROXIED, **address.headers}, Load(load.connections, 1), what)
    figures: dict[str, list[float]] = {what: [] for what in addresses}
    for number in range(1, runs + 1):
        for what, address in addresses.items():
            report = run_wrk(wrk, port, address.path, {**PROXIED, **address.headers}, load, what)
            figures[what].append(pick(report))
        say(f"run {number} of {runs}: " + ", ".join(f"{what} {values[-1]:,.1f}" for what, values in figures.items()))
    return figures


# --- what is asked ------------------------------------------------------------------------------

STATEMENT_PAGE = 500


def throughput_addresses(port: int, process: str) -> dict[str, Address]:
    """The API's lists and their references, the 304s and the statements' first and deep pages."""
    issues, matrix = f"/api/v1/issues/?process={process}", f"/api/v1/status-matrix/?process={process}"
    return {
        FLOOR: Address("/api/bench/floor/"),
        ISSUES: Address(issues),
        ISSUES_TWIN: Address(f"/api/bench/issues/?process={process}"),
        MATRIX: Address(matrix),
        MATRIX_TWIN: Address(f"/api/bench/status-matrix/?process={process}"),
        ISSUES_304: not_modified(port, issues),
        MATRIX_304: not_modified(port, matrix),
        ROUND_TRIPS_304: not_modified(port, "/api/bench/two-round-trips/"),
        FIRST_PAGE: Address("/api/v1/statements/"),
        PAGE_500: Address(deep_page(port, "/api/v1/statements/", STATEMENT_PAGE)),
    }


def page_addresses(picks: dict[str, Any], editor_cookie: str) -> dict[str, Address]:
    """Every kind of page: each process's own, its busiest round, its issue with the longest
    timeline and its latest two rounds compared; the editors' pages of the busiest round."""
    processes = picks["processes"]
    paths = [
        "/",
        *(f"/processes/{p['slug']}/" for p in processes),
        *(f"/rounds/{p['round']}/" for p in processes),
        *(f"/issues/{p['issue']}/" for p in processes),
        *(f"/processes/{p['slug']}/compare/" for p in processes),
        f"/people/{picks['person']}/",
        f"/parties/{picks['party']}/",
        "/statements/",
        f"/statements/?q={picks['search_word']}",
    ]
    pages = {path: Address(path) for path in paths}
    for path in (f"/entry/{picks['busiest_round']}/", f"/entry/{picks['busiest_round']}/set-up/"):
        pages[f"{path} (editor)"] = Address(path, {"Cookie": editor_cookie})
    return pages


# --- the timeline rebuilds, and COPY -------------------------------------------------------------


def _in_django(env: Mapping[str, str], code: str, log: Path) -> tuple[dict[str, Any], float]:
    """Run `code` in `manage.py shell`; the JSON it printed after MARK and the child's peak
    resident memory in MB (its own, from wait4: not any other child's)."""
    with log.open("w") as output:
        child = subprocess.Popen([str(PYTHON), "manage.py", "shell", "-c", code], cwd=ROOT, env=dict(env),
                                 stdout=output, stderr=subprocess.STDOUT)  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(errors="replace")
    lines = [line[len(MARK) :] for line in text.splitlines() if line.startswith(MARK)]
    if child.returncode or not lines:
        raise Failed(f"manage.py shell -c {code!r} exited {child.returncode}:\n{text[-3000:]}")
    return json.loads(lines[-1]), usage.ru_maxrss / 1024  # kilobytes on Linux


def profile_304(env: Mapping[str, str], process: str, log: Path) -> dict[str, Any]:
    """scripts/bench_profile.py: the floor's and a 304's time per request, by part."""
    code = f"from scripts.bench_profile import where_a_304_goes; where_a_304_goes({process!r})"
    return _in_django(env, code, log)[0]


def prepare_record(env: Mapping[str, str], log: Path) -> dict[str, Any]:
    """The accounts and the picks of scripts/bench_record.py."""
    return _in_django(env, "from scripts.bench_record import prepare; prepare()", log)[0]


def rebuild_all(env: Mapping[str, str], log: Path, connections: int | None = None) -> tuple[float, int, float]:
    """`rebuild_timelines --all` (on its default number of connections, or `connections`):
    its seconds, the connections it used, and the peak memory of its process in MB."""
    code = f"from scripts.bench_record import time_rebuild_all; time_rebuild_all({connections!r})"
    answer, peak_mb = _in_django(env, code, log)
    return answer["seconds"], answer["connections"], peak_mb


def rebuild_one(env: Mapping[str, str], slug: str, log: Path) -> list[float]:
    code = f"from scripts.bench_record import time_issue_rebuild; time_issue_rebuild({slug!r})"
    return _in_django(env, code, log)[0]["seconds"]


def copy_rows(postgres: LocalPostgres, table: str) -> tuple[float, float, int]:
    """The seconds of TRUNCATE and COPY FROM a file of the table's own rows, in one psql
    call (one transaction); the seconds of DELETE and the same COPY, also in one, which is
    what replacing the rows costs the database while readers keep reading them (TRUNCATE
    locks them out): the least a rebuild of every timeline writes; and how many rows that
    is. The file is written by the server into the cluster's folder and removed after."""
    dump = postgres.folder / "timeline-entries.copy"

    def psql(sql: str) -> str:
        command = [str(postgres.bin / "psql"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres",
                   "-d", "negotrack", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if result.returncode:
            raise Failed(f"psql -c {sql!r} exited {result.returncode}: {result.stderr}")
        return result.stdout

    try:
        psql(f"COPY {table} TO '{dump}'")
        count = int(psql(f"SELECT count(*) FROM {table}").strip())
        timed = []
        for replace in (f"TRUNCATE {table}", f"DELETE FROM {table}"):
            started = time.perf_counter()
            psql(f"{replace}; COPY {table} FROM '{dump}'")
            timed.append(time.perf_counter() - started)
            check(int(psql(f"SELECT count(*) FROM {table}").strip()) == count, "COPY put every row back")
        psql(f"VACUUM {table}")  # the DELETE's dead rows, gone before anything else is measured
        return timed[0], timed[1], count
    finally:
        dump.unlink(missing_ok=True)


# --- publish → timeline ------------------------------------------------------------------------


def publish_to_timeline(port: int, token: str, template: dict[str, Any], issue: str, count: int,
                        say: Callable[[str], None]) -> list[float]:  # fmt: skip
    """`count` statements of `issue`, one at a time: each drafted, then published by the
    reviewer; the seconds from sending the publication to reading the issue's timeline
    current with the statement on it. The timeline is polled every 20 ms with its last ETag,
    as a well-behaved tool does, so that the polls cost the server little."""
    timeline = f"/api/v1/issues/{issue}/timeline/"
    etag = ask(port, Address(timeline)).headers["ETag"]
    took = []
    for number in range(1, count + 1):
        text = f"Benchmark statement {number}: the delegations went through the {issue} text line by line."
        draft = http(port, "POST", "/api/v1/statements/", token=token, body={**template, "text": text})
        check(draft.status == 201, f"POST /api/v1/statements/ answered {draft.status}: {draft.body[:500]!r}")
        uuid, version = draft.json()["uuid"], draft.json()["version"]
        started = time.perf_counter()
        published = http(port, "POST", f"/api/v1/statements/{uuid}/publish/", token=token, body={"version": version})
        check(published.status == 200, f"publish answered {published.status}: {published.body[:500]!r}")

        def on_the_timeline(uuid: str = uuid) -> bool:
            nonlocal etag
            answer = http(port, "GET", timeline, headers={"If-None-Match": etag})
            if answer.status == 304:
                return False
            check(answer.status == 200, f"GET {timeline} answered {answer.status}")
            etag = answer.headers["ETag"]
            read = answer.json()
            return bool(read["is_current"] and any(uuid in entry["key"] for entry in read["entries"]))

        wait_for(f"statement {number} on the timeline of {issue}", on_the_timeline, seconds=60, every=0.02)
        took.append(time.perf_counter() - started)
    say("publish → timeline current: " + ", ".join(f"{seconds:.2f}" for seconds in took) + " s")
    return took


# --- a report's statements proposed --------------------------------------------------------

REPORT_WORDS = 10_000
REPORTS = ROOT / "tests" / "issues" / "proposals" / "reports" / "working"


def long_report() -> str:
    """A report of at least REPORT_WORDS words: the working set's labelled reports (wire
    stories, readouts, interviews, transcripts, as pasted), one after another, again
    until long enough."""
    texts = [json.loads(path.read_text())["report"]["text"] for path in sorted(REPORTS.glob("*.json"))]
    check(bool(texts), f"no labelled reports in {REPORTS}")
    parts: list[str] = []
    while sum(len(text.split()) for text in parts) < REPORT_WORDS:
        parts.append(texts[len(parts) % len(texts)])
    return "\n\n".join(parts)


def propose_report(port: int, token: str, round_slug: str, times: int) -> tuple[list[float], int, int]:
    """The seconds each of `times` proposal calls took for one long report, the report's
    words and the statements proposed."""
    text = long_report()
    took, proposed = [], 0
    for _ in range(times):
        started = time.perf_counter()
        answer = http(port, "POST", f"/api/v1/rounds/{round_slug}/proposals/", token=token,
                      body={"text": text, "published_on": "2026-02-19"})  # fmt: skip
        took.append(time.perf_counter() - started)
        check(answer.status == 200, f"the proposal call answered {answer.status}: {answer.body[:500]!r}")
        proposed = len(answer.json()["statements"])
    return took, len(text.split()), proposed
