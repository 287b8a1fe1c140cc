"""`dev.py stack` keeps serving when one of its processes dies: gunicorn's master, the
worker's main process and beat are killed with SIGKILL in turn; the other two go on (the
web still answers /healthz, their pids do not change) and the killed one comes back. Then
SIGTERM stops everything the stack started.

The stack runs as in production, on a database of its own, Redis database 14 and a free
port. Its processes are found as the stack's children in /proc, by their command lines, so
that the test leans on nothing the supervisor says about itself but its log lines.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from scripts.soak_services import stack_processes as children
from tests.processes import free_port, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
REDIS_DB = 14
MARKER = "NEGOTRACK_STACK_TEST"  # in the environment of everything the stack starts
NAMES = ("web", "worker", "beat")


def marked_pids(token: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if f"{MARKER}={token}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                    pids.append(int(entry.name))
    return pids


def healthz(port: int) -> int | None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": "localhost"})
    try:
        with urllib.request.urlopen(request, timeout=3) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def postgres(command: str, database: str) -> list[str]:
    url = urlsplit(os.environ["DATABASE_URL"])
    return [command, "-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U", url.username or "postgres",
            *(["--if-exists", "--force"] if command == "dropdb" else []), database]  # fmt: skip


def stack_environment(database: str, port: int, token: str, work: Path) -> dict[str, str]:
    database_url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{database}"))
    redis_url = urlunsplit(urlsplit(os.environ["REDIS_URL"])._replace(path=f"/{REDIS_DB}"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEGOTRACK_")}
    return env | {
        MARKER: token,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "0",
        "HTTPS_ONLY": "0",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "NEGOTRACK_WORKERS": "1",
        "NEGOTRACK_VAR_DIR": str(work / "var"),
        "STATIC_ROOT": str(work / "static"),
    }


def kill_and_see_it_back(stack: subprocess.Popen, name: str, port: int, log: Path) -> float:
    """SIGKILL one process; the others keep their pids (and the web answers) while it is
    restarted; within 20 s a new one runs (the web answers again). How long it took."""
    before = children(stack.pid)
    assert sorted(before) == sorted(NAMES), f"the stack runs {before}"
    others = {other: pid for other, pid in before.items() if other != name}
    killed_at = time.monotonic()
    os.kill(before[name], signal.SIGKILL)

    def back() -> bool:
        now = children(stack.pid)
        assert {other: now.get(other) for other in others} == others, f"after killing {name}: {now}, was {before}"
        if name != "web":
            assert healthz(port) == 200, f"/healthz did not answer while {name} was restarted"
        new = now.get(name)
        return new is not None and new != before[name] and (name != "web" or healthz(port) == 200)

    wait_for(back, timeout=20, what=f"{name} back", interval=0.2)
    took = time.monotonic() - killed_at
    text = log.read_text(errors="replace")
    assert f"negotrack stack: {name} exited with -9 after" in text
    assert f"negotrack stack: {name} is back (pid {children(stack.pid)[name]})" in text
    return took


@pytest.mark.skipif(shutil.which("createdb") is None, reason="createdb (PostgreSQL's client) is not installed")
def test_each_process_killed_comes_back_while_the_others_serve(tmp_path):
    token, port = secrets.token_hex(8), free_port()
    database = f"negotrack_stacktest_{os.getpid()}_{token}"
    log = tmp_path / "stack.log"
    env = stack_environment(database, port, token, tmp_path)
    subprocess.run(postgres("createdb", database), check=True, timeout=30)
    stack = None
    try:
        with log.open("wb") as out:
            stack = subprocess.Popen(
                [sys.executable, "dev.py", "stack"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        try:
            wait_for(lambda: healthz(port) == 200 and len(children(stack.pid)) == 3, timeout=40, what="the stack")
            worker = (Path("/proc") / str(children(stack.pid)["worker"]) / "cmdline").read_bytes().split(b"\0")
            assert b"--concurrency" in worker and worker[worker.index(b"--concurrency") + 1] == b"1"

            for name in NAMES:
                took = kill_and_see_it_back(stack, name, port, log)
                print(f"{name} back {took:.1f} s after SIGKILL")

            stopping = time.monotonic()
            stack.send_signal(signal.SIGTERM)
            assert stack.wait(timeout=30) == 0
            assert time.monotonic() - stopping < 10, "SIGTERM took more than 10 s to stop the stack"
            wait_for(lambda: not marked_pids(token), timeout=5, what="every process of the stack gone")
            assert healthz(port) is None
        except BaseException:
            print(f"--- the stack's log ---\n{log.read_text(errors='replace')[-6000:]}")
            raise
    finally:
        if stack is not None and stack.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(stack.pid, signal.SIGKILL)
            stack.wait()
        for pid in marked_pids(token):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        subprocess.run(postgres("dropdb", database), timeout=30)
        subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "flushdb"], capture_output=True, timeout=10)
