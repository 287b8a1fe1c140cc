#!/usr/bin/env python3
"""CI: the production stack, for real, on this machine's PostgreSQL and Redis.

1. docker-compose.yml validates (`docker-compose config`) with a .env made from .env.example;
2. `manage.py check --deploy --fail-level WARNING` passes with the settings of .env.example;
3. `python3 dev.py stack` (gunicorn, a worker, beat) serves the pages and the API with
   the production settings; a statement entered and published through the API reaches
   the worker and its issue's timeline; /healthz reports every part up;
4. the database is dumped, restored into a new database (a second restore is refused),
   and the API answers the same from the restored copy;
5. SIGTERM stops the stack.

Its own databases, Redis database number and ports; everything it started and made is
removed at the end, also on failure; every wait has a time limit. Run from the project's
root or anywhere: `python3 scripts/ci_stack.py`.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.ci_tools import (  # noqa: E402
    MARKER,
    Answer,
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

PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
REDIS_DB = 13  # this script's own Redis database number on the shared server
TOTAL_SECONDS = 150
ISSUE = "russia-ukraine-territory"

started_at = time.monotonic()


def say(message: str) -> None:
    print(f"ci-stack [{time.monotonic() - started_at:5.1f}s]: {message}", flush=True)


def _overrun(signum: int, frame: FrameType | None) -> NoReturn:
    raise Failed(f"took more than {TOTAL_SECONDS} s")


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise Failed("stopped by SIGTERM")


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def psql(sql: str) -> None:
    run(["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", "postgres", "-v", "ON_ERROR_STOP=1",
         "-qc", sql], timeout=60)  # fmt: skip


def database_url(name: str) -> str:
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"


# --- the steps ------------------------------------------------------------------------------


def validate_compose(work: Path, production: dict[str, str]) -> None:
    compose = shutil.which("docker-compose")
    check(compose is not None, "docker-compose is not installed (.ci/run installs Debian's package)")
    folder = work / "compose"
    folder.mkdir()
    for name in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(ROOT / name, folder / name)
    (folder / ".env").write_text("".join(f"{name}={value}\n" for name, value in production.items()))
    run([compose, "--project-directory", folder, "-f", folder / "docker-compose.yml", "config", "-q"], timeout=60)
    services = run([compose, "-f", folder / "docker-compose.yml", "config", "--services"], timeout=60).stdout.split()
    check(sorted(services) == ["beat", "db", "redis", "web", "worker"], f"compose services: {services}")
    say("docker-compose.yml validates, with db, redis, web, worker and beat")


def check_deploy(production: dict[str, str]) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    env.update(production)
    result = run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env=env, timeout=60)
    say(f"check --deploy: {result.stdout.strip() or result.stderr.strip()}")


def serving(process: subprocess.Popen[bytes], port: int) -> Callable[[], bool]:
    """A probe: the process still runs, and /healthz on its port answers 200."""
    return lambda: process.poll() is None and http(port, "GET", "/healthz", https=False).status == 200


def stack_checks(port: int, token: str) -> dict:
    def all_up() -> Answer | None:
        answer = http(port, "GET", "/healthz", https=False)
        if answer.status == 200 and answer.json()["database"] == "up" and answer.json()["redis"] == "up":
            return answer
        return None

    answer = wait_for("the worker and beat settle, /healthz reports all parts up", all_up, seconds=30)
    health = answer.json()
    say(f"/healthz on plain HTTP: {health}")

    redirect = http(port, "GET", "/api/v1/issues/", https=False)
    check(redirect.status == 301 and redirect.headers["Location"].startswith("https://"), "plain HTTP redirects")
    echoed = http(port, "GET", "/api/v1/issues/", headers={"X-Request-ID": "ci-stack-1"})
    check(echoed.status == 200 and echoed.headers["X-Request-ID"] == "ci-stack-1", "the request id comes back")
    check("max-age=31536000" in (echoed.headers["Strict-Transport-Security"] or ""), "HSTS on HTTPS answers")

    analyst_pages = ("/", "/rounds/geneva-2026-02-17/", f"/issues/{ISSUE}/", "/statements/?q=progress")
    for path in ("/admin/login/", "/api/v1/docs/", "/api/v1/issues/?format=api", "/api/v1/schema/", *analyst_pages):
        page = http(port, "GET", path)
        check(page.status == 200, f"GET {path} answered {page.status}")
        check("script-src 'self'" in (page.headers["Content-Security-Policy"] or ""), f"{path} has the CSP")
    login = http(port, "GET", "/admin/login/").body.decode()
    stylesheet = re.search(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', login)
    if stylesheet is None:
        raise Failed("the admin links its stylesheet under a hashed name")
    static = http(port, "GET", stylesheet.group(1))
    check(static.status == 200 and "max-age=315360000" in static.headers["Cache-Control"], "WhiteNoise serves it")
    home = http(port, "GET", "/").body.decode()
    site_css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home)
    if site_css is None:
        raise Failed("the analysts' pages link their stylesheet under a hashed name")
    check(http(port, "GET", site_css.group(1)).status == 200, "WhiteNoise serves the pages' stylesheet")
    say("pages, API, docs and hashed static files answer under the CSP; plain HTTP redirects to HTTPS")

    source = http(port, "GET", "/api/v1/sources/?page_size=1").json()["results"][0]["uuid"]
    draft = http(port, "POST", "/api/v1/statements/", token=token, body={
        "process": "russia-ukraine", "round": "geneva-2026-02-17", "speaker": "rustem-umerov", "party": "ukraine",
        "date": "2026-02-18", "medium": "social_media", "kind": "quote", "sources": [source],
        "text": "The CI stack check: this statement goes through the worker.", "issues": [ISSUE],
    })  # fmt: skip
    check(draft.status == 201, f"POST /api/v1/statements/ answered {draft.status}: {draft.body[:500]!r}")
    uuid = draft.json()["uuid"]
    published = http(port, "POST", f"/api/v1/statements/{uuid}/publish/", token=token)
    check(published.status == 200, f"publish answered {published.status}: {published.body[:500]!r}")

    def timeline_has_it() -> object:
        timeline = http(port, "GET", f"/api/v1/issues/{ISSUE}/timeline/").json()
        keys = [entry["key"] for entry in timeline["entries"]]
        return timeline["is_current"] and any(uuid in key for key in keys) and timeline

    wait_for("the published statement reaches the issue's timeline through the worker", timeline_has_it, seconds=40)
    issue_page = http(port, "GET", f"/issues/{ISSUE}/").body.decode()
    check("this statement goes through the worker" in issue_page, "the issue's page shows the rebuilt timeline")
    say(f"a statement published through the API reached the timeline of {ISSUE} through the worker, and its page")
    return {"statement": uuid}


def snapshot(port: int, uuid: str) -> dict:
    """What the comparison after the restore reads."""
    paths = [f"/api/v1/issues/{ISSUE}/timeline/", f"/api/v1/statements/{uuid}/", "/api/v1/issues/?page_size=200"]
    answers = {}
    for path in paths:
        answer = http(port, "GET", path)
        check(answer.status == 200, f"GET {path} answered {answer.status}")
        answers[path] = answer.json()
    return answers


def main() -> int:
    signal.signal(signal.SIGALRM, _overrun)
    signal.signal(signal.SIGTERM, _terminated)
    token = secrets.token_hex(8)
    name = f"negotrack_stack_{os.getpid()}"
    restored_name = f"{name}_restored"
    work = Path(tempfile.mkdtemp(prefix="negotrack-ci-stack-"))
    stack = restored_web = None
    stack_log, restored_log = work / "stack.log", work / "restored-web.log"
    databases_made = []
    try:
        say("the virtual environment, as dev.py makes it")
        ensure_environment()
        # The clock starts once .venv is there (a fresh clone installs it first).
        signal.alarm(TOTAL_SECONDS)

        production = env_example()
        production |= {"SECRET_KEY": secrets.token_urlsafe(50), "POSTGRES_PASSWORD": secrets.token_hex(16)}
        validate_compose(work, production)
        check_deploy(production)

        for database in (name, restored_name):
            psql(f"CREATE DATABASE {database}")
            databases_made.append(database)
        web_port, restored_port = free_port(), free_port()
        env = {key: value for key, value in os.environ.items() if not key.startswith("NEGOTRACK_REQUIRE")}
        env |= production | {
            MARKER: token,
            "DATABASE_URL": database_url(name),
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "GUNICORN_BIND": f"127.0.0.1:{web_port}",
            "NEGOTRACK_VAR_DIR": str(work / "var"),
            "STATIC_ROOT": str(work / "var" / "static"),
            "ALLOWED_HOSTS": "localhost",
            "TIMELINE_RECONCILE_SECONDS": "5",
        }
        run(["redis-cli", "-n", REDIS_DB, "flushdb"], timeout=10)

        say(f"python3 dev.py stack on port {web_port} (database {name}, Redis database {REDIS_DB})")
        stack = start([sys.executable, "dev.py", "stack"], env, stack_log)
        wait_for("gunicorn answers /healthz", serving(stack, web_port), seconds=90)
        check(stack.poll() is None, "the stack stopped")

        say("the demo record and a reviewer with a token")
        run([PYTHON, "manage.py", "seed_demo"], env=env, timeout=120)
        reviewer_token = run([PYTHON, "manage.py", "shell", "-c", (
            "from django.contrib.auth import get_user_model; from negotrack.groups import REVIEWERS, add_to_group;"
            "from rest_framework.authtoken.models import Token;"
            "user = get_user_model().objects.create_user('ci-reviewer', is_staff=True); add_to_group(user, REVIEWERS);"
            "print(Token.objects.create(user=user).key)"
        )], env=env, timeout=60).stdout.strip().splitlines()[-1]  # fmt: skip

        made = stack_checks(web_port, reviewer_token)
        before = snapshot(web_port, made["statement"])

        dump = work / "negotrack.dump"
        run([PYTHON, "manage.py", "backup_database", "--output", dump], env=env, timeout=60)
        check(dump.stat().st_size > 10_000, "the dump is not empty")
        restored_env = env | {
            "DATABASE_URL": database_url(restored_name),
            "GUNICORN_BIND": f"127.0.0.1:{restored_port}",
        }
        run([PYTHON, "manage.py", "restore_database", dump], env=restored_env, timeout=120)
        again = run([PYTHON, "manage.py", "restore_database", dump], env=restored_env, timeout=60, expect_ok=False)
        check(again.returncode != 0 and "not empty" in again.stderr, f"a second restore is refused: {again.stderr}")
        say(f"dumped {name} ({dump.stat().st_size} bytes), restored it into {restored_name}; a second restore refused")

        restored_web = start([PYTHON.parent / "gunicorn", "negotrack.wsgi"], restored_env, restored_log)
        wait_for("gunicorn on the restored copy", serving(restored_web, restored_port), seconds=30)
        after = snapshot(restored_port, made["statement"])
        for path, answer in before.items():
            check(after[path] == answer, f"GET {path} differs on the restored copy")
        say("the restored copy answers the same: " + ", ".join(before))

        code = stop(stack, seconds=45)
        check(code == 0, f"dev.py stack did not stop cleanly on SIGTERM (exit code {code})")
        with contextlib.suppress(OSError):
            check(http(web_port, "GET", "/healthz", https=False) is None, "gunicorn still answers after the stop")
        stack = None
        say("SIGTERM stopped gunicorn, the worker and beat")
        say(f"passed in {time.monotonic() - started_at:.1f} s")
        return 0
    except (Failed, subprocess.TimeoutExpired) as error:
        say(f"FAILED: {error}")
        for log in (stack_log, restored_log):
            if log.exists():
                print(f"--- the end of {log.name} ---\n{tail(log)}", flush=True)
        return 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # cleaning up is not to be cut short
        stop(stack)
        stop(restored_web, seconds=15)
        kill_leftovers(token)
        for database in databases_made:
            with contextlib.suppress(Failed, subprocess.TimeoutExpired):
                psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        with contextlib.suppress(Exception):
            run(["redis-cli", "-n", REDIS_DB, "flushdb"], timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
