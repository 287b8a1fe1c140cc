"""The machinery of the browser tests (the fixtures in conftest.py put it together).

- `start_site(directory)`: the site as a server process of its own, `runserver` in debug
  mode (so that it serves the static files), on a fresh database with the demo data and
  the demo accounts. `Site.stop()` ends it and drops its database.
- `PageWatch`: what fails a browser test: a console error (Chromium reports CSP
  violations there), an uncaught exception in the page, a request to another host.
- `screenshot(page, name)`: `var/screenshots/<name>.png`, for anyone to look at.
- `expect`: Playwright's auto-waiting assertions (None where Playwright is missing).

The site's database belongs to its server: tests read and write through the browser and
the API, never through the ORM (Playwright's sync API runs an event loop, under which the
ORM refuses to run unless DJANGO_ALLOW_ASYNC_UNSAFE is set).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from tests.processes import ROOT, Service, free_port, wait_for

try:
    # Re-exported for the tests, so that a machine without Playwright reaches the fixtures,
    # which skip saying why (and fail in CI), instead of failing to import the module.
    from playwright.sync_api import expect
except ImportError:
    expect = None

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SITE_HOST = "127.0.0.1"
SCREENSHOTS = ROOT / "var" / "screenshots"

# urllib would honour an http_proxy from the environment; the site is on this machine.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def missing() -> str:
    """Why browser tests cannot run here, or "" when they can."""
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if expect is None:
        return "Playwright for Python is not installed (pip install -c requirements.lock -e '.[dev]')"
    return ""


@dataclass(frozen=True)
class Login:
    """A demo account: what the sign-in form takes, and its API token."""

    username: str
    password: str
    token: str


class SiteDatabase:
    """The site's own database, made fresh: a SQLite file in the site's directory or,
    when the tests run on PostgreSQL, `<their database>_browser` on the same server."""

    def __init__(self, directory: Path):
        self.url = f"sqlite:///{directory / 'site.sqlite3'}"
        self.postgres: dict | None = None
        tests_url = os.environ.get("DATABASE_URL", "")
        if not tests_url:
            return
        config = dj_database_url.parse(tests_url)
        if config["ENGINE"] != "django.db.backends.postgresql":
            return
        self.name = f"{config['NAME']}_browser"
        self.url = urlsplit(tests_url)._replace(path=f"/{self.name}").geturl()
        self.postgres = {
            key: str(config[setting])
            for key, setting in (("user", "USER"), ("password", "PASSWORD"), ("host", "HOST"), ("port", "PORT"))
            if config.get(setting)
        }
        self._drop()
        self._run("CREATE DATABASE {}")

    def drop(self) -> None:
        if self.postgres is not None:
            self._drop()

    def _drop(self) -> None:
        self._run("DROP DATABASE IF EXISTS {} WITH (FORCE)")

    def _run(self, statement: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=10, **self.postgres) as admin:
            admin.execute(sql.SQL(statement).format(sql.Identifier(self.name)))


class Site:
    """The running site: `base_url`, `url(path)`, the demo accounts in `logins`
    ("editor", "reviewer"), and its server's output in `log`."""

    def __init__(self, server: Service, base_url: str, logins: dict[str, Login], database: SiteDatabase):
        self.server, self.base_url, self.logins, self.database = server, base_url, logins, database

    @property
    def log(self) -> Path:
        return self.server.log

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def log_since(self, offset: int) -> str:
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def stop(self) -> None:
        try:
            self.server.stop()
        finally:
            self.database.drop()

    def __repr__(self) -> str:
        return f"<Site {self.base_url}>"


def site_env(database_url: str, var_dir: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "BEHIND_TLS_PROXY")}
    env.update(
        DJANGO_SETTINGS_MODULE="negotrack.settings",
        DATABASE_URL=database_url,
        SECRET_KEY=os.environ.get("SECRET_KEY") or "browser-tests-" + secrets.token_urlsafe(32),
        # Debug mode: runserver serves the static files, and the demo accounts may exist.
        DEBUG="1",
        HTTPS_ONLY="0",
        ALLOWED_HOSTS=SITE_HOST,
        # The demo logins file goes here, not into the developer's var/.
        NEGOTRACK_VAR_DIR=str(var_dir),
        # One server answers a whole session of tests: they must never meet a 429.
        API_ANON_RATE="100000/min",
        PAGE_ANON_RATE="100000/min",
        PYTHONUNBUFFERED="1",
    )
    return env


# manage.py migrate, seed_demo and create_demo_users, in one process: two start-ups of
# Django fewer, about 2 s saved on every test session.
PREPARE = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("seed_demo")
call_command("create_demo_users")
"""


def _prepare(env: dict, log: Path) -> str:
    """Migrate, load the demo data and create the demo accounts; returns what they printed."""
    result = subprocess.run(
        [sys.executable, "-c", PREPARE], cwd=ROOT, env=env, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip
    with open(log, "a") as out:
        out.write(f"migrate, seed_demo, create_demo_users:\n{result.stdout}{result.stderr}")
    if result.returncode:
        raise AssertionError(
            f"preparing the site's database failed (exit code {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def start_site(directory: Path) -> Site:
    """Migrate a fresh database, load the demo data and accounts, and serve the site on a
    spare port; returns once it answers /healthz."""
    log = directory / "site.log"
    database = SiteDatabase(directory)
    try:
        env = site_env(database.url, directory / "var")
        printed = _prepare(env, log)
        logins = {
            username: Login(username, password, token)
            for username, password, token in re.findall(r"login: (\w+) / (\S+)\s+API token: (\w+)", printed)
        }
        assert set(logins) == {"editor", "reviewer"}, f"create_demo_users printed no logins:\n{printed}"

        base_url = f"http://{SITE_HOST}:{free_port()}"
        args = [sys.executable, "manage.py", "runserver", base_url.removeprefix("http://"), "--noreload"]
        server = Service("runserver", args, log=log, env=env)
    except BaseException:
        database.drop()
        raise
    site = Site(server, base_url, logins, database)

    def answers() -> bool:
        assert server.alive(), f"the site's server exited:\n{server.output()}"
        try:
            with _DIRECT.open(site.url("/healthz"), timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    try:
        wait_for(answers, 60, "the site to answer /healthz", interval=0.1)
    except BaseException:
        output = server.output()
        site.stop()
        raise AssertionError(f"the site did not start; its log:\n{output}") from None
    return site


class PageWatch:
    """Records, on every page of one browser context, what must fail a browser test: a
    console error (CSP violations are reported there), an uncaught exception in the page,
    and any request to a host other than the site's (which is aborted)."""

    def __init__(self, context, host: str = SITE_HOST):
        self.context, self.host = context, host
        self.problems: list[str] = []
        self._pages: list = []
        context.route("**/*", self._guard)
        context.on("page", self.watch)

    def watch(self, page) -> None:
        if any(page is seen for seen in self._pages):
            return
        self._pages.append(page)
        page.on("console", self._console)
        page.on("pageerror", self._page_error)

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location or {}
            at = f" (at {where['url']}:{where.get('lineNumber', 0)})" if where.get("url") else ""
            self.problems.append(f"console error: {message.text}{at}")

    def _page_error(self, error) -> None:
        name = getattr(error, "name", "") or "Error"
        self.problems.append(f"uncaught exception in the page: {name}: {getattr(error, 'message', error)}")

    def _guard(self, route) -> None:
        if urlsplit(route.request.url).hostname == self.host:
            route.fallback()
        else:
            self.problems.append(f"a request to another host: {route.request.method} {route.request.url}")
            route.abort("blockedbyclient")

    def settle(self) -> None:
        """One round trip to each open page, so that the events it has already sent are
        recorded before the test is judged."""
        for page in self._pages:
            with contextlib.suppress(Exception):
                if not page.is_closed():
                    page.evaluate("0")

    def take(self) -> list[str]:
        """The problems so far, forgotten: for a test that provokes some on purpose."""
        self.settle()
        taken, self.problems = self.problems, []
        return taken

    def report(self) -> str:
        return "the page(s) reported problems:\n" + "\n".join(f"  - {problem}" for problem in self.problems)


def screenshot(page, name: str) -> Path:
    """A full-page PNG of what the page shows now, in var/screenshots/<name>.png."""
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
    return path
