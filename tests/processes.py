"""Processes for tests that need them: a Redis server and Celery processes of their
own, started as subprocesses on a spare port and always stopped, never the shared ones.

Each process runs in a session of its own, so that stopping it (or `kill -9`) reaches
every process it started, and writes its output to a log file that a failing test quotes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection
from redis import Redis
from redis.exceptions import RedisError

ROOT = Path(__file__).resolve().parent.parent
REDIS_SERVER = shutil.which("redis-server") or shutil.which("redis-server", path="/usr/bin:/usr/local/bin")
# celery from the environment the tests run in, next to its Python.
CELERY = shutil.which("celery", path=str(Path(sys.executable).parent))


def missing() -> str:
    """Why the services cannot be started here, or "" when they can."""
    if connection.vendor != "postgresql":
        return "a worker in another process needs PostgreSQL (DATABASE_URL pointing at it)"
    if REDIS_SERVER is None:
        return "redis-server is not installed"
    if CELERY is None:
        return f"celery is not installed next to {sys.executable}"
    return ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, timeout: float, what: str, interval: float = 0.05):
    """Poll `condition()` until it returns something true; fail the test after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class Service:
    """One subprocess in its own session, with its output in `log`."""

    def __init__(self, name: str, args: list[str], *, log: Path, env: dict | None = None):
        self.name, self.log = name, log
        with open(log, "ab") as out:
            self.process = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def signal(self, number: int) -> None:
        """Signal the whole session (a worker's pool processes too)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)

    def kill(self) -> None:
        """`kill -9`: no chance to finish anything."""
        self.signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self, timeout: float = 10) -> None:
        """Ask it to stop (waking it first, were it frozen), then kill it if it will not."""
        if not self.alive():
            self.signal(signal.SIGKILL)  # anything it left behind in its session
            return
        self.signal(signal.SIGCONT)
        self.signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        self.signal(signal.SIGKILL)
        self.process.wait(10)

    def __repr__(self) -> str:
        return f"<{self.name} pid {self.pid}>"


def reset_celery_producers() -> None:
    """Celery keeps its broker connections and producers once made: drop them, so that the
    next message goes to the broker configured now."""
    from negotrack.celery import app

    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None


def start_redis(directory: Path, port: int | None = None) -> tuple[Service, str]:
    """A Redis server of our own without persistence, on a spare port unless given one (to
    start it again where it was): (service, URL)."""
    port = port or free_port()
    args = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(directory)]  # fmt: skip
    redis = Service("redis-server", args, log=directory / "redis.log")
    url = f"redis://127.0.0.1:{port}/0"
    client = Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)

    def answers() -> bool:
        assert redis.alive(), f"redis-server exited:\n{redis.output()}"
        try:
            return client.ping()
        except RedisError:
            return False

    try:
        wait_for(answers, 10, "redis-server to answer")
    except BaseException:
        redis.stop()
        raise
    finally:
        client.close()
    return redis, url


def database_url_of_tests() -> str:
    """The URL of the database the tests run on (pytest-django's test database)."""
    config = connection.settings_dict
    user = config.get("USER") or ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = config.get("HOST") or "127.0.0.1"
    port = f":{config['PORT']}" if config.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{config['NAME']}"


def celery_env(redis_url: str, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url_of_tests(),
        REDIS_URL=redis_url,
        CONN_MAX_AGE="0",
        PYTHONUNBUFFERED="1",
        SECRET_KEY=env.get("SECRET_KEY") or "tests-celery-subprocess",
        **extra,
    )
    return env


def start_worker(directory: Path, env: dict, name: str = "worker") -> Service:
    """`celery -A negotrack worker`, solo pool: a task runs in the worker's own process, so
    that killing the worker kills the task it runs. Returns once it consumes."""
    args = [CELERY, "-A", "negotrack", "worker", "--pool=solo", "--loglevel=INFO", "--without-gossip",
            "--without-mingle", "--without-heartbeat", "-n", f"{name}-{free_port()}@%h"]  # fmt: skip
    worker = Service(f"celery {name}", args, log=directory / f"{name}.log", env=env)
    return _once_it_says(worker, " ready.", "the Celery worker to be ready")


def start_beat(directory: Path, env: dict) -> Service:
    """`celery -A negotrack beat`, its schedule file in `directory`."""
    args = [CELERY, "-A", "negotrack", "beat", "--loglevel=INFO", "--max-interval", "1",
            "-s", str(directory / "beat-schedule")]  # fmt: skip
    beat = Service("celery beat", args, log=directory / "beat.log", env=env)
    return _once_it_says(beat, "beat: Starting", "Celery beat to start")


def _once_it_says(service: Service, text: str, what: str) -> Service:
    """Wait until the service's log says `text`; stop it if it never does."""

    def said() -> bool:
        assert service.alive(), f"{service.name} exited:\n{service.output()}"
        return text in service.output()

    try:
        wait_for(said, 60, what, interval=0.1)
    except BaseException:
        service.stop()
        raise
    return service
