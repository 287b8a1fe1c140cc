"""What the soak test (scripts/soak.py) runs the stack on, and breaks: a PostgreSQL cluster
of its own (made with initdb on a spare port, never the shared one), a Redis server of its
own, and the stack's processes as found in /proc."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from scripts.ci_tools import Failed, check, free_port


def _postgres_bin() -> Path:
    """The newest PostgreSQL server programs installed (Debian keeps them out of PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise Failed("PostgreSQL's initdb is not installed (Debian: apt-get install postgresql)")
    return Path(initdb).parent


class LocalPostgres:
    """A throwaway cluster in `folder`, listening on 127.0.0.1 only. PostgreSQL refuses to run
    as root, so as root its programs run as the `postgres` user."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.data, self.port = folder, folder / "data", free_port()
        self.bin = _postgres_bin()
        self.as_user: list[str] = []
        self.owner = None
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            self.owner = pwd.getpwnam("postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/negotrack"

    def _run(self, *args: object, timeout: float = 60) -> None:
        command = [*self.as_user, *(str(a) for a in args)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode:
            raise Failed(f"{' '.join(command)} exited {result.returncode}: {result.stderr or result.stdout}")

    def create(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.owner is not None:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)
            self.folder.parent.chmod(0o711)  # a temporary folder is root's alone: let postgres through
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()
        self._run(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "negotrack")

    def start(self) -> None:
        # fsync off: a soak needs no durability across a crash of this machine, only speed.
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "postgres.log", "-w",
                  "start")  # fmt: skip

    def stop(self) -> None:
        """A fast shutdown, as a restart does: open connections are cut, transactions rolled back."""
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    @property
    def _psql(self) -> list[str]:
        """psql on the soak's database: the server's own, else the one on PATH."""
        psql = self.bin / "psql"
        found = str(psql) if psql.exists() else shutil.which("psql")
        check(found is not None, "psql is not installed (Debian: apt-get install postgresql-client)")
        assert found is not None
        return [found, "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "negotrack"]

    def query(self, sql: str) -> list[list[str]]:
        """The rows of one statement, each a list of its columns as text."""
        result = subprocess.run(
            [*self._psql, "-X", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True, timeout=10,
        )  # fmt: skip
        check(result.returncode == 0, f"psql exited {result.returncode}: {result.stderr}")
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    @contextlib.contextmanager
    def holding(self, sql: str) -> Iterator[None]:
        """A session of its own that runs `sql` (taking session locks, say) and stays open
        until the block ends: its locks are let go when it closes."""
        session = subprocess.Popen(
            [*self._psql, "-X", "-tA", "-q", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert session.stdin is not None and session.stdout is not None
        try:
            session.stdin.write(f"{sql};\n\\echo held\n")
            session.stdin.flush()
            # The statement's rows come first, then the mark; psql ends at an error.
            while (line := session.stdout.readline()) and line.strip() != "held":
                pass
            if not line:
                raise Failed(f"psql did not run {sql!r}: {session.stderr.read() if session.stderr else ''}")
            yield
        finally:
            with contextlib.suppress(OSError):
                session.stdin.close()
            try:
                session.wait(timeout=10)
            except subprocess.TimeoutExpired:
                session.kill()
                session.wait()

    def remove(self) -> None:
        with contextlib.suppress(Failed, subprocess.TimeoutExpired):
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


class LocalRedis:
    """A redis-server of its own on a spare port, keeping nothing on disk. Freezing it is
    SIGSTOP: connections stay open and nothing answers, as with a hung server."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        server = shutil.which("redis-server")
        check(server is not None, "redis-server is not installed (Debian: apt-get install redis-server)")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [str(server), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")],
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True)
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise Failed("the soak's redis-server did not answer within 15 s")

    def freeze(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def remove(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGCONT)
                self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the stack's processes, from /proc ------------------------------------------------------


def _stat(pid: int) -> list[str]:
    # The fields after the command name, which may itself hold spaces and parentheses.
    return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def child_pids(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                if int(_stat(int(entry.name))[1]) == parent:
                    found.append(int(entry.name))
    return sorted(found)


def role(pid: int) -> str | None:
    """Which of dev.py stack's processes this is, by its command line."""
    try:
        args = (Path("/proc") / str(pid) / "cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return None
    if any(arg.endswith("gunicorn") for arg in args):
        return "web"
    return next((name for name in ("worker", "beat") if name in args), None)


def stack_processes(stack_pid: int) -> dict[str, int]:
    """The stack's web, worker and beat: the supervisor's children, by role."""
    return {name: pid for pid in child_pids(stack_pid) if (name := role(pid))}


def tcp_client(port: int, among: list[int]) -> int | None:
    """Which of these processes holds the TCP connection whose local end is `port` (a
    database client's, as PostgreSQL's pg_stat_activity.client_port names it)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{fields[9]}]")
    for pid in among:
        if inodes & _open_files(pid):
            return pid
    return None


def _open_files(pid: int) -> set[str]:
    """What the process's descriptors point at (a socket reads "socket:[inode]")."""
    found = set()
    with contextlib.suppress(OSError):
        for fd in (Path("/proc") / str(pid) / "fd").iterdir():
            with contextlib.suppress(OSError):
                found.add(os.readlink(fd))
    return found
