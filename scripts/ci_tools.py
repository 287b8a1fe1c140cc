"""What scripts/ci_stack.py stands on: the commands and processes it starts and stops (every
one marked, so none outlives the run), and HTTP requests to the stack, with waits that have
a time limit."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "NEGOTRACK_CI_STACK"  # in the environment of everything the script starts


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, *, env=None, timeout=120, expect_ok=True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if expect_ok and result.returncode:
        raise Failed(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


# --- HTTP -----------------------------------------------------------------------------------


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http(port: int, method: str, path: str, *, body=None, token=None, https=True, headers=None) -> Answer:
    """A request as the TLS proxy forwards it (X-Forwarded-Proto: https), unless https=False."""
    sent = {"Host": "localhost", **(headers or {})}
    if https:
        sent["X-Forwarded-Proto"] = "https"
    if token:
        sent["Authorization"] = f"Token {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=sent)
    try:
        with _opener.open(request, timeout=15) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def wait_for(what: str, probe, *, seconds: float, every: float = 0.5):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = probe()
        except (OSError, ValueError) as error:
            last = error
        else:
            if last:
                return last
        time.sleep(every)
    raise Failed(f"{what}: not within {seconds} s (last: {last!r})")


# --- processes ------------------------------------------------------------------------------


def start(args, env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(a) for a in args], cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def marked_pids(token: str) -> list[int]:
    """Every process still running with this run's marker in its environment."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if f"{MARKER}={token}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                pids.append(int(entry.name))
    return pids


def stop(process: subprocess.Popen | None, seconds: float = 40) -> int | None:
    if process is None or process.poll() is not None:
        return None if process is None else process.returncode
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


def kill_leftovers(token: str) -> None:
    for pid in marked_pids(token):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def tail(log: Path, lines: int = 40) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    return ""
