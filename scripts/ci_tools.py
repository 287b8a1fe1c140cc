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
from collections.abc import Callable, Mapping, Sequence
from email.message import Message
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
MARKER = "NEGOTRACK_CI_STACK"  # in the environment of everything the script starts

T = TypeVar("T")


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(
    args: Sequence[object],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    expect_ok: bool = True,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if expect_ok and result.returncode:
        raise Failed(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


# --- HTTP -----------------------------------------------------------------------------------


class Answer:
    def __init__(self, status: int, headers: Message, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http(
    port: int,
    method: str,
    path: str,
    *,
    body: object = None,
    token: str | None = None,
    https: bool = True,
    headers: Mapping[str, str] | None = None,
) -> Answer:
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


def wait_for(what: str, probe: Callable[[], T | None], *, seconds: float, every: float = 0.5) -> T:
    deadline = time.monotonic() + seconds
    last: object = None
    while time.monotonic() < deadline:
        try:
            answer = probe()
        except (OSError, ValueError) as error:
            last = error
        else:
            if answer:
                return answer
            last = answer
        time.sleep(every)
    raise Failed(f"{what}: not within {seconds} s (last: {last!r})")


# --- processes ------------------------------------------------------------------------------


def start(args: Sequence[object], env: Mapping[str, str], log: Path) -> subprocess.Popen[bytes]:
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
