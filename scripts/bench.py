#!/usr/bin/env python3
"""negotrack's speed benchmark: the measures of issue 19, written to BENCHMARKS.md.

    python3 dev.py bench     # about 10 minutes on two cores

It makes a PostgreSQL cluster and a Redis server of its own (scripts/soak_services.py),
fills the database (`migrate`, `generate_bench_data --scale 1 --seed 1`,
`rebuild_timelines --all`) and serves it as production does: gunicorn with two sync
workers and gunicorn.conf.py, debug off, behind the TLS proxy's settings, with the
benchmark's settings (scripts/bench_settings.py: the references of scripts/bench_urls.py
beside production's routes, the rate limits raised). Then, with wrk (installed from
Debian when missing) and scripts/bench_measures.py: the API against its hand-tuned twins
and the floor, deep pages of statements, every kind of page with one client, the
timeline rebuilds against a COPY, and a publication's way to its issue's timeline through
a real Celery worker. It writes BENCHMARKS.md at the checkout's root (scripts/bench_report.py).

A missed target is a figure, not a failure; an answer other than 2xx or 304, or a twin
that answers otherwise than the API, fails the run (exit 1). Everything it started is
stopped and everything it made is removed, also on failure.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench_machine import BUSY, busy_share, setting  # noqa: E402
from scripts.bench_measures import (  # noqa: E402
    REPORT_WORDS,
    STATEMENT_PAGE,
    Address,
    check_twin,
    copy_rows,
    interleaved,
    page_addresses,
    prepare_record,
    profile_304,
    propose_report,
    publish_to_timeline,
    rebuild_all,
    rebuild_one,
    throughput_addresses,
)
from scripts.bench_report import Measured, render, rows  # noqa: E402
from scripts.bench_wrk import Load, ensure_wrk, median_ms, per_second  # noqa: E402
from scripts.ci_tools import MARKER, Failed, free_port, http, kill_leftovers, run, start, stop, tail, wait_for  # noqa: E402
from scripts.dev_commands import BIN, PYTHON, ensure_environment  # noqa: E402
from scripts.soak_services import LocalPostgres, LocalRedis  # noqa: E402

started_at = time.monotonic()
COMMAND = "python3 dev.py bench"
RUNS = 3  # each figure the median of three interleaved runs
CONNECTIONS = 4  # two sync workers, each with a request waiting behind the one it serves
PUBLICATIONS = 15
PROPOSALS = 5  # calls proposing a long report's statements


def say(message: str) -> None:
    print(f"bench [{time.monotonic() - started_at:5.1f}s]: {message}", flush=True)


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise Failed("stopped by a signal")


def bench_env(work: Path, postgres: LocalPostgres, redis: LocalRedis, token: str) -> dict[str, str]:
    """Production's settings (debug off, HTTPS behind the proxy) on the benchmark's services;
    nothing else from the caller's environment, so that no setting of theirs moves a figure."""
    kept = ("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR")
    return {key: os.environ[key] for key in kept if key in os.environ} | {
        MARKER: token,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "localhost",
        "HTTPS_ONLY": "1",
        "BEHIND_TLS_PROXY": "1",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "NEGOTRACK_VAR_DIR": str(work / "var"),
        "STATIC_ROOT": str(work / "var" / "static"),
    }


def fill(env: dict[str, str]) -> None:
    for args, timeout in (
        (["migrate", "--no-input", "-v", "0"], 600),
        (["generate_bench_data", "--scale", "1", "--seed", "1"], 1200),
        (["rebuild_timelines", "--all", "-v", "0"], 1200),
        (["collectstatic", "--no-input", "-v", "0"], 600),
    ):
        began = time.monotonic()
        run([PYTHON, "manage.py", *args], env=env, timeout=timeout)
        say(f"manage.py {' '.join(args)}: {time.monotonic() - began:.0f} s")


def method(load: Load, pages: Load) -> list[str]:
    """How the figures were taken, for BENCHMARKS.md."""
    return [
        "PostgreSQL and Redis of the benchmark's own on this machine (the cluster with `fsync=off`), filled by "
        "`migrate`, `generate_bench_data --scale 1 --seed 1` and `rebuild_timelines --all`.",
        "gunicorn with two sync workers and `gunicorn.conf.py`, `DEBUG=0`, `HTTPS_ONLY=1` and `BEHIND_TLS_PROXY=1`; "
        "every request sends `X-Forwarded-Proto: https`, as the proxy does. Settings `scripts/bench_settings.py`: "
        "production's, with the routes of `scripts/bench_urls.py` and the anonymous rate limits at 1,000,000 a "
        "second (the throttles still run; DRF keeps one second of request times per address).",
        "The floor: a bare Django view answering a small JSON body. The twins: views written by hand with two "
        "`.values()` queries each, checked to answer the API's JSON (every process) before any run.",
        f"Throughput: wrk on one thread, {load.connections} connections, {load.seconds} s a run after a 1 s "
        f"warm-up of each address; {RUNS} rounds, each running every address in turn; each figure the median "
        "of its runs, each ratio against a reference from the same gunicorn in the same run. The 304s send the "
        f"ETag the address answered. Page {STATEMENT_PAGE} of the statements is reached by following `next`.",
        f"Pages: `wrk -t1 -c1 --latency`, {pages.seconds} s a run, {RUNS} interleaved runs; the median of the "
        "runs' 50% lines. The editors' pages are read with the session cookie of an editor made for the run.",
        "Rebuilds: timed in the process that runs them (Django's start-up left out); the peak memory is that "
        "process's maximum resident set. `--all` runs first on one connection (`--connections 1`), then as an "
        "operator runs it, on the command's default number of connections, which is the figure judged. The "
        "COPY: the timeline entries table copied out to a file, then "
        "`TRUNCATE` and `COPY FROM` that file in one psql call, timed around the call; then, beside it, "
        "`DELETE` and the same `COPY FROM` in one call, which is what replacing the rows costs while readers "
        "keep reading them (a rebuild cannot take `TRUNCATE`'s lock), and `VACUUM` after.",
        f"Publish → timeline: a Celery worker (its default concurrency) on the run's Redis; {PUBLICATIONS} "
        "statements of the issue with the longest timeline, each drafted and then published through the API by "
        "a reviewer, one at a time; from sending the publication to reading the timeline current with the "
        "statement, polled every 20 ms with `If-None-Match`.",
        "Every address is asked once with a plain request first (200, or 304 with the ETag); wrk's runs fail the "
        "benchmark on any answer other than 2xx or 3xx and on any socket error.",
    ]


def measure(work: Path, env: dict[str, str], postgres: LocalPostgres, wrk: str, loads: tuple[Load, Load]) -> Measured:
    """Every measure, on a gunicorn (and at the end a worker) started here and stopped after."""
    record = prepare_record(env, work / "prepare.log")
    picks, accounts = record["picks"], record["accounts"]
    port = free_port()
    web_env = env | {"DJANGO_SETTINGS_MODULE": "scripts.bench_settings", "GUNICORN_BIND": f"127.0.0.1:{port}"}
    web = start([BIN / "gunicorn", "--config", ROOT / "gunicorn.conf.py", "negotrack.wsgi"], web_env, work / "web.log")
    worker = None
    try:
        wait_for("gunicorn serves /healthz", lambda: web.poll() is None and http(
            port, "GET", "/healthz").status == 200, seconds=60)  # fmt: skip
        say(f"gunicorn on port {port}; the twins answer what the API does, for every process")
        for process in picks["processes"]:
            slug = process["slug"]
            for api, twin in (("v1/issues", "bench/issues"), ("v1/status-matrix", "bench/status-matrix")):
                check_twin(port, Address(f"/api/{api}/?process={slug}"), Address(f"/api/{twin}/?process={slug}"))
        measured = Measured()
        addresses = throughput_addresses(port, picks["processes"][0]["slug"])
        say(f"throughput in requests a second: {RUNS} rounds of {len(addresses)} addresses")
        measured.throughput = interleaved(wrk, port, addresses, loads[0], RUNS, per_second, say)
        pages = page_addresses(picks, accounts["editor_cookie"])
        say(f"pages, the 50% line in ms with one client: {RUNS} rounds of {len(pages)} pages")
        measured.pages = interleaved(wrk, port, pages, loads[1], RUNS, median_ms, say)
        say(f"a {REPORT_WORDS:,}-word report's statements proposed through the API, {PROPOSALS} times")
        measured.proposal_s, measured.proposal_words, measured.proposed = propose_report(
            port, accounts["reviewer_token"], picks["busiest_round"], PROPOSALS
        )
        say(f"{measured.proposal_words:,} words, {measured.proposed} statements proposed: "
            + ", ".join(f"{seconds:.2f}" for seconds in measured.proposal_s) + " s")  # fmt: skip
        say("where a 304's time goes: the floor and a 304 profiled in one process")
        profile_env = {name: value for name, value in web_env.items() if name != "GUNICORN_BIND"}
        measured.profile_304 = profile_304(profile_env, picks["processes"][0]["slug"], work / "profile.log")

        say("rebuild_timelines --all, in a process of its own")
        measured.rebuild_one_connection_s, _, _ = rebuild_all(env, work / "rebuild-all-1.log", connections=1)
        measured.rebuild_all_s, measured.rebuild_connections, measured.peak_mb = rebuild_all(
            env, work / "rebuild-all.log"
        )
        measured.copy_s, measured.replace_s, measured.timeline_rows = copy_rows(postgres, record["timeline_table"])
        measured.issue_rebuild_s = rebuild_one(env, picks["busiest_issue"], work / "rebuild-one.log")
        say(f"rebuild --all {measured.rebuild_all_s:.2f} s on {measured.rebuild_connections} connections "
            f"(at most {measured.peak_mb:.0f} MB), {measured.rebuild_one_connection_s:.2f} s on one; "
            f"TRUNCATE + COPY of "
            f"{measured.timeline_rows:,} rows {measured.copy_s:.2f} s, DELETE + COPY {measured.replace_s:.2f} s; "
            f"{picks['busiest_issue']} alone "
            + ", ".join(f"{s:.3f}" for s in measured.issue_rebuild_s) + " s")  # fmt: skip

        worker_log = work / "worker.log"
        worker = start([BIN / "celery", "-A", "negotrack", "worker", "--loglevel", "INFO"], env, worker_log)
        wait_for("the Celery worker is ready", lambda: worker is not None and worker.poll() is None
                 and "ready." in worker_log.read_text(errors="replace"), seconds=90)  # fmt: skip
        measured.publish_s = publish_to_timeline(port, accounts["reviewer_token"], picks["statement_template"],
                                                 picks["busiest_issue"], PUBLICATIONS, say)  # fmt: skip
        return measured
    except Failed:
        for log in (work / "web.log", work / "worker.log"):
            if log.exists():
                print(f"--- the end of {log.name} ---\n{tail(log)}", flush=True)
        raise
    finally:
        stop(worker)
        stop(web)


def main() -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, choices=range(1, 61), metavar="N",
                        help="the length of each throughput run (default 5); a page's runs take 2/5 of it")  # fmt: skip
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, _terminated)
    token = secrets.token_hex(8)
    work = Path(tempfile.mkdtemp(prefix="negotrack-bench-"))
    postgres, redis = LocalPostgres(work / "postgres"), LocalRedis(work / "redis")
    try:
        ensure_environment()
        wrk = ensure_wrk(say)
        say(f"a PostgreSQL cluster (port {postgres.port}) and a Redis server (port {redis.port}) of its own")
        postgres.create()
        redis.start()
        env = bench_env(work, postgres, redis, token)
        fill(env)
        loads = Load(CONNECTIONS, options.seconds), Load(1, max(1, round(options.seconds * 0.4)))
        busy_before = busy_share()
        noisy = ": the figures will be noisy" if busy_before > BUSY else ""
        say(f"other work keeps {busy_before:.0%} of the cores busy{noisy}")
        measured = measure(work, env, postgres, wrk, loads)
        busy_after = busy_share()
        took = time.monotonic() - started_at
        report = render(measured, setting(COMMAND, wrk, postgres, took, (busy_before, busy_after)), method(*loads))
        (ROOT / "BENCHMARKS.md").write_text(report)
        table = rows(measured)
        say(f"{sum(row.met for row in table)} of {len(table)} targets met; BENCHMARKS.md written "
            f"({took / 60:.1f} min in all)")  # fmt: skip
        return 0
    except (Failed, subprocess.TimeoutExpired) as error:
        say(f"FAILED: {error}")
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # cleaning up is not to be cut short
        kill_leftovers(token)
        redis.remove()
        postgres.remove()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
