"""Keeps the processes of `dev.py stack` running: one that dies is started again after a
back-off, while the others go on serving, until SIGTERM or Ctrl-C stops them all.

Standard library only, so that dev.py needs nothing installed to supervise. Each event is
one plain line on standard error ("negotrack stack: worker exited with -9 after 12.3 s;
restarting in 1 s"), apart from the processes' own JSON lines.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

FIRST_BACKOFF = 1.0  # seconds before the first restart
LONGEST_BACKOFF = 30.0  # the back-off doubles up to this
STEADY_SECONDS = 60.0  # a process that ran this long had recovered: its back-off starts over
TICK = 0.2  # how often the supervisor looks at its processes


def report(message: str) -> None:
    print(f"negotrack stack: {message}", file=sys.stderr, flush=True)


@dataclass
class Child:
    """One supervised process: its command, the running process if any, and when to restart it."""

    name: str
    args: list[str]
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    restart_at: float | None = None
    backoff: float = FIRST_BACKOFF


class Supervisor:
    def __init__(self, commands: Mapping[str, Sequence[object]], *, env: Mapping[str, str], cwd: Path) -> None:
        self.children = [Child(name, [str(a) for a in args]) for name, args in commands.items()]
        self.env, self.cwd = dict(env), cwd
        self.stopping = False

    def _start(self, child: Child) -> subprocess.Popen[bytes]:
        # Each in a session of its own: Ctrl-C reaches only the supervisor, which stops each
        # one gracefully, and a dead one's leftovers (gunicorn's or the pool's workers) can
        # be killed with it.
        child.process = subprocess.Popen(child.args, cwd=self.cwd, env=self.env, start_new_session=True)
        child.started, child.restart_at = time.monotonic(), None
        return child.process

    def _exited(self, child: Child, process: subprocess.Popen[bytes], now: float) -> None:
        """Kill what the dead process left in its session (a gunicorn worker would keep the
        port), and set the time of its restart."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        ran = now - child.started
        if ran >= STEADY_SECONDS:
            child.backoff = FIRST_BACKOFF
        delay = child.backoff
        child.backoff = min(child.backoff * 2, LONGEST_BACKOFF)
        child.process, child.restart_at = None, now + delay
        report(f"{child.name} exited with {process.returncode} after {ran:.1f} s; restarting in {delay:g} s")

    def check(self) -> None:
        """One look at every process: note the ones that died, restart the ones whose time has come."""
        now = time.monotonic()
        for child in self.children:
            if child.process is not None and child.process.poll() is not None:
                self._exited(child, child.process, now)
            elif child.restart_at is not None and now >= child.restart_at and not self.stopping:
                report(f"{child.name} is back (pid {self._start(child).pid})")

    def _request_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def run(self, stop_seconds: float) -> None:
        """Start every process and keep them running until SIGTERM or SIGINT; then stop them."""
        previous = {number: signal.signal(number, self._request_stop) for number in (signal.SIGTERM, signal.SIGINT)}
        try:
            for child in self.children:
                if not self.stopping:
                    self._start(child)
            while not self.stopping:
                self.check()
                time.sleep(TICK)
        finally:
            self.stopping = True
            self.stop(stop_seconds)
            for number, handler in previous.items():
                signal.signal(number, handler)

    def stop(self, seconds: float) -> None:
        """SIGTERM to each running process; SIGKILL to whatever is left of its session after `seconds`."""
        running = [child for child in self.children if child.process is not None]
        for child in running:
            assert child.process is not None
            if child.process.poll() is None:
                child.process.terminate()
        deadline = time.monotonic() + seconds
        for child in running:
            assert child.process is not None
            try:
                child.process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                report(f"{child.name} did not stop in {seconds:g} s: killing it")
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(child.process.pid, signal.SIGKILL)
            child.process.wait()
        report("stopped")
