#!/usr/bin/env python3
"""The soak test: the whole stack under a mixed load while faults arrive one at a time.

    python3 dev.py soak          # three rounds of faults, about 9 minutes
    python3 dev.py soak --ci     # one round, at most 4 minutes (what CI runs)

It makes a PostgreSQL cluster (initdb, a spare port) and a Redis server of its own, starts
`python3 dev.py stack` on them as production runs it (two Celery workers, behind the TLS
proxy's settings, the timelines reconciled every 20 s), loads the demo record, and starts
scripts/soak_load.py beside it: readers of pages and the API, tools polling with ETags and
following the changes feed, a reader sending hostile searches, editors and reviewers
writing. Then, one at a time with time to recover: Redis frozen 20 s; a pool process of
the worker killed (SIGKILL) while it rebuilds a timeline; the worker's main process killed;
PostgreSQL stopped and started again. After the load it waits for the timelines, finds
every acknowledged write again, replays the changes feed, prints the figures
(scripts/soak_figures.py) and exits 1 when one misses its target. Everything it started is
stopped and everything it made is removed, also on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
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

from scripts.ci_tools import (  # noqa: E402
    MARKER,
    Failed,
    check,
    free_port,
    http,
    kill_leftovers,
    run,
    start,
    stop,
    tail,
    wait_for,
)
from scripts.dev_commands import PYTHON, ensure_environment  # noqa: E402
from scripts.soak_faults import Faults  # noqa: E402
from scripts.soak_figures import Figures, load_templates  # noqa: E402
from scripts.soak_services import LocalPostgres, LocalRedis  # noqa: E402

started_at = time.monotonic()
RECONCILE_SECONDS = 20
CI_SECONDS = 240  # the --ci run's limit, from the moment .venv is there


def say(message: str) -> None:
    print(f"soak [{time.monotonic() - started_at:5.1f}s]: {message}", flush=True)


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise Failed("stopped by a signal")


def _overrun(signum: int, frame: FrameType | None) -> NoReturn:
    raise Failed(f"took more than {CI_SECONDS} s")


def stack_env(work: Path, postgres: LocalPostgres, redis: LocalRedis, port: int, token: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "REDIS_URL") and not key.startswith("NEGOTRACK_REQUIRE")}  # fmt: skip
    env |= {
        MARKER: token,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "localhost",
        "HTTPS_ONLY": "1",
        "BEHIND_TLS_PROXY": "1",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "NEGOTRACK_WORKERS": "2",
        "CONN_MAX_AGE": "60",
        "TIMELINE_RECONCILE_SECONDS": str(RECONCILE_SECONDS),
        "NEGOTRACK_VAR_DIR": str(work / "var"),
        "STATIC_ROOT": str(work / "var" / "static"),
        "LOG_LEVEL": "INFO",
    }
    return env


def make_accounts(env: dict[str, str]) -> dict[str, str]:
    """An editor and a reviewer, each with an API token."""
    code = (
        "from django.contrib.auth import get_user_model; from negotrack.groups import EDITORS, REVIEWERS, add_to_group;"
        "from rest_framework.authtoken.models import Token; User = get_user_model()\n"
        "for name, group in (('soak-editor', EDITORS), ('soak-reviewer', REVIEWERS)):\n"
        "    user = User.objects.create_user(name, is_staff=True); add_to_group(user, group)\n"
        "    print(name, Token.objects.create(user=user).key)"
    )
    lines = run([PYTHON, "manage.py", "shell", "-c", code], env=env, timeout=60).stdout.split("\n")
    tokens = dict(line.split() for line in lines if line.startswith("soak-"))
    return {"editor_token": tokens["soak-editor"], "reviewer_token": tokens["soak-reviewer"]}


def load_config(port: int, tokens: dict[str, str]) -> dict:
    templates = load_templates(port)
    return {
        "port": port,
        **tokens,
        **templates,
        "clients": {"readers": 3, "tools": 2, "hostile": 1, "writers": 2},
        "reader_pause": 0.3,
        "tool_pause": 1.0,
        "hostile_pause": 0.3,
        "writer_pause": 0.5,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ci", action="store_true", help="one round of faults, at most 4 minutes")
    options = parser.parse_args()
    rounds, calm = (1, 10.0) if options.ci else (3, 45.0)
    signal.signal(signal.SIGTERM, _terminated)
    token = secrets.token_hex(8)
    work = Path(tempfile.mkdtemp(prefix="negotrack-soak-"))
    postgres, redis = LocalPostgres(work / "postgres"), LocalRedis(work / "redis")
    stack = load = None
    stack_log, load_log, results = work / "stack.log", work / "load.log", work / "results.jsonl"
    try:
        ensure_environment()
        if options.ci:
            signal.signal(signal.SIGALRM, _overrun)
            signal.alarm(CI_SECONDS)
        say("a PostgreSQL cluster and a Redis server of its own")
        postgres.create()
        redis.start()
        port = free_port()
        env = stack_env(work, postgres, redis, port, token)
        say(f"python3 dev.py stack on port {port}: PostgreSQL on {postgres.port}, Redis on {redis.port}")
        stack = start([sys.executable, "dev.py", "stack"], env, stack_log)
        wait_for("the stack serves /healthz", lambda: stack.poll() is None and http(
            port, "GET", "/healthz", https=False).status == 200, seconds=120)  # fmt: skip
        run([PYTHON, "manage.py", "seed_demo"], env=env, timeout=120)
        config = load_config(port, make_accounts(env))
        (work / "load.json").write_text(json.dumps(config))
        faults = Faults(stack, stack_log, postgres, redis, port, say)
        faults.wait_for_the_worker()

        say("the load starts: {}".format(", ".join(f"{n} {role}" for role, n in config["clients"].items())))
        load = start([sys.executable, ROOT / "scripts" / "soak_load.py", work / "load.json", results], env, load_log)
        load_started = time.time()
        for number in range(1, rounds + 1):
            say(f"round {number} of {rounds} of faults")
            faults.calm(calm)
            faults.freeze_redis(20, recover=10)
            faults.kill_pool_process_while_it_rebuilds(recover=10)
            faults.kill_worker_main_process(recover=5)
            faults.restart_postgres(down=3, recover=15)
        faults.calm(calm / 2)
        code = stop(load, seconds=30)
        check(code == 0, f"the load stopped with {code}: {tail(load_log)}")
        load_stopped = time.time()
        say(f"the load stopped after {load_stopped - load_started:.0f} s")

        figures = Figures(port, config, results, faults.windows, load_started, load_stopped, say)
        figures.timelines_after_the_load(seconds=60)
        figures.writes_found()
        figures.feed_replayed()
        figures.from_the_requests()
        figures.from_the_stack_log(stack_log.read_text(errors="replace"))
        met = figures.report()
        say(f"{'every figure met its target' if met else 'FAILED: a figure missed its target'} "
            f"({time.monotonic() - started_at:.0f} s in all)")  # fmt: skip
        return 0 if met else 1
    except (Failed, subprocess.TimeoutExpired) as error:
        say(f"FAILED: {error}")
        for log in (stack_log, load_log):
            if log.exists():
                print(f"--- the end of {log.name} ---\n{tail(log)}", flush=True)
        say(f"FAILED: {error} (the logs' ends above)")  # again, where a reader of the end finds it
        return 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # cleaning up is not to be cut short
        stop(load, seconds=20)
        stop(stack)
        kill_leftovers(token)
        redis.remove()
        postgres.remove()
        with contextlib.suppress(OSError):
            if os.environ.get("NEGOTRACK_SOAK_KEEP"):
                say(f"the logs and results are kept in {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
