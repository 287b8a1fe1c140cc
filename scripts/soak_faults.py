"""The faults the soak test (scripts/soak.py) injects, one at a time, each noted as a window
of time for the figures: Redis frozen, a pool process of the worker killed while it
rebuilds, the worker's main process killed, PostgreSQL restarted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.ci_tools import Failed, check, wait_for
from scripts.soak_services import LocalPostgres, LocalRedis, child_pids, stack_processes, tcp_client

# What the worker's log says when a pool process died with a task in hand (Celery's
# WorkerLostError), when it takes a task from the queue, and when it is ready for tasks.
LOST_TASK = "WorkerLostError"
RECEIVED = re.compile(r'"Task ([\w.]+)\[([0-9a-f-]+)\] received"')
READY = "ready."
REBUILDS = ("issues.rebuild_timeline", "issues.reconcile_timelines")
# The first key of the advisory locks a rebuild takes for each issue (the second is the
# issue's id): issues/timelines/rebuild.py's REBUILD_LOCKS, which a test holds equal.
REBUILD_LOCKS = zlib.crc32(b"negotrack.timeline") & 0x7FFFFFFF


@dataclass
class Window:
    """A fault's time, as wall-clock seconds: from its start to the end of its recovery."""

    name: str
    start: float
    end: float
    note: str = ""


class Faults:
    def __init__(
        self, stack: subprocess.Popen[bytes], log: Path, postgres: LocalPostgres, redis: LocalRedis, port: int,
        say: Callable[[str], None],
    ) -> None:  # fmt: skip
        self.stack, self.log, self.postgres, self.redis, self.port, self.say = stack, log, postgres, redis, port, say
        self.windows: list[Window] = []

    def _log_size(self) -> int:
        return self.log.stat().st_size

    def _log_since(self, offset: int) -> str:
        with self.log.open("rb") as file:
            file.seek(offset)
            return file.read().decode(errors="replace")

    def _processes(self) -> dict[str, int]:
        if self.stack.poll() is not None:
            raise Failed(f"dev.py stack exited with {self.stack.returncode}")
        return stack_processes(self.stack.pid)

    def wait_for_the_worker(self, since: int = 0, seconds: float = 60) -> None:
        """Until the worker says it is ready and has both pool processes."""

        def ready() -> bool:
            worker = self._processes().get("worker")
            return worker is not None and READY in self._log_since(since) and len(child_pids(worker)) >= 2

        wait_for("the worker is ready", ready, seconds=seconds, every=0.2)

    def calm(self, seconds: float) -> None:
        time.sleep(seconds)

    def freeze_redis(self, seconds: float, *, recover: float) -> None:
        start = time.time()
        self.redis.freeze()
        self.say(f"Redis frozen (SIGSTOP) for {seconds:g} s")
        try:
            time.sleep(seconds)
        finally:
            self.redis.thaw()
        self.say("Redis thawed")
        time.sleep(recover)
        self.windows.append(Window("redis_frozen", start, time.time()))

    def _logged_within(self, text: str, offset: int, *, seconds: float, every: float = 0.05) -> bool:
        """Whether the stack's log says `text` after `offset` within `seconds`."""
        deadline = time.monotonic() + seconds
        while text not in self._log_since(offset):
            if time.monotonic() >= deadline:
                return False
            time.sleep(every)
        return True

    def _redelivered(self) -> set[tuple[str, str]]:
        """The tasks the worker received more than once: (name, id)."""
        received = Counter(RECEIVED.findall(self._log_since(0)))
        return {task for task, times in received.items() if times > 1}

    def kill_pool_process_while_it_rebuilds(self, *, recover: float, seconds: float = 60) -> None:
        """SIGKILL to the pool process of the worker that is rebuilding a timeline. A rebuild
        of the soak's small record lasts milliseconds, too short to catch by watching. So
        the soak holds every issue's rebuild lock (the advisory locks of
        issues/timelines/rebuild.py) until the next rebuild, queued by a writer's edit or by
        the reconciliation, waits for one; the pool process whose database connection waits
        is killed, and the locks are let go. It counts when the worker's log reports the
        task lost and the same rebuild received again (requeued, as acks_late and
        reject_on_worker_lost say)."""
        offset, start, redelivered = self._log_size(), time.time(), self._redelivered()
        locks = f"SELECT pg_advisory_lock({REBUILD_LOCKS}, id::int) FROM issues_issue"
        with self.postgres.holding(locks):
            port = wait_for("a rebuild waits for its issue's lock", self._waiting_for_a_rebuild_lock,
                            seconds=seconds, every=0.1)  # fmt: skip
            pool = child_pids(self._processes()["worker"])
            victim = tcp_client(port, pool)
            check(victim is not None, f"no pool process of the worker ({pool}) holds the connection on port {port}")
            assert victim is not None
            os.kill(victim, signal.SIGKILL)
        check(self._logged_within(LOST_TASK, offset, seconds=10),
              f"the worker did not report the task of pool process {victim} lost within 10 s")  # fmt: skip
        again = wait_for("the lost rebuild is received again",
                         lambda: [name for name, _ in self._redelivered() - redelivered if name in REBUILDS],
                         seconds=20, every=0.1)  # fmt: skip
        self.say(f"killed pool process {victim} while it ran {again[0]} (waiting for an issue's lock); "
                 "the worker reported it lost and received it again")  # fmt: skip
        self.wait_for_the_worker(since=0)
        time.sleep(recover)
        self.windows.append(Window("pool_process_killed", start, time.time()))

    def _waiting_for_a_rebuild_lock(self) -> int | None:
        """The client port of a database session that waits for an issue's rebuild lock."""
        rows = self.postgres.query(
            "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            f" WHERE l.locktype = 'advisory' AND NOT l.granted AND l.classid = {REBUILD_LOCKS} LIMIT 1"
        )  # fmt: skip
        return int(rows[0][0]) if rows else None

    def kill_worker_main_process(self, *, recover: float) -> None:
        worker = self._processes()["worker"]
        offset, start = self._log_size(), time.time()
        os.kill(worker, signal.SIGKILL)
        self.say(f"killed the worker's main process ({worker})")
        wait_for("the supervisor restarts the worker", lambda: self._processes().get("worker", worker) != worker,
                 seconds=40, every=0.2)  # fmt: skip
        self.wait_for_the_worker(since=offset)
        back = time.time()
        self.say(f"the worker is back and ready after {back - start:.1f} s")
        time.sleep(recover)
        self.windows.append(Window("worker_main_killed", start, time.time(), note=f"back={back - start:.1f}"))

    def restart_postgres(self, *, down: float, recover: float) -> None:
        start = time.time()
        self.postgres.stop()
        self.say(f"PostgreSQL stopped (fast shutdown); it starts again in {down:g} s")
        time.sleep(down)
        self.postgres.start()
        up = time.time()
        self.say(f"PostgreSQL is back after {up - start:.1f} s")
        time.sleep(recover)
        self.windows.append(Window("postgres_restart", start, up + recover, note=f"down={up - start:.1f}"))
