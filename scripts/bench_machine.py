"""What BENCHMARKS.md says of where its figures come from: the code, the machine, the
versions of what ran (scripts/bench.py)."""

from __future__ import annotations

import datetime
import os
import platform
import time
from pathlib import Path

from scripts.bench_wrk import wrk_version
from scripts.ci_tools import run
from scripts.dev_commands import PYTHON
from scripts.soak_services import LocalPostgres

# Past this share of the cores busy with other work, the figures are noisy, and the report says so.
BUSY = 0.25
NOISY = (
    "Other work kept this machine's cores busy around the run (see below): the figures are noisier and "
    "lower than on a quiet machine."
)


def busy_share(seconds: float = 3) -> float:
    """The share of all the cores' time spent working over `seconds`, from /proc/stat:
    sampled while the benchmark runs nothing, it is other work that its figures shared the
    machine with."""

    def sample() -> tuple[int, int]:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle and waiting for I/O
        return sum(fields) - idle, sum(fields)

    busy_before, total_before = sample()
    time.sleep(seconds)
    busy_after, total_after = sample()
    return (busy_after - busy_before) / max(1, total_after - total_before)


def setting(command: str, wrk: str, postgres: LocalPostgres, took: float, busy: tuple[float, float]) -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.machine())
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    code = "import platform, celery, django, gunicorn; print(platform.python_version(), django.get_version(), " \
           "gunicorn.__version__, celery.__version__)"  # fmt: skip
    python, django, gunicorn, celery = run([PYTHON, "-c", code]).stdout.split()
    # `postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)`; `Redis server v=7.0.15 sha=…`
    postgresql = run([postgres.bin / "postgres", "--version"]).stdout.split()[2]
    redis = run(["redis-server", "--version"]).stdout.split()[2].removeprefix("v=")
    commit = run(["git", "rev-parse", "--short", "HEAD"]).stdout.strip()
    if run(["git", "status", "--porcelain", "--untracked-files=no"]).stdout.strip():
        commit += ", with changes not committed"
    gib = memory_kb / 1024 / 1024
    return {
        "command": command,
        **({"note": NOISY} if max(busy) > BUSY else {}),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "duration": f"{int(took // 60)} min {int(took % 60)} s",
        "code": f"commit {commit}",
        "other work on the machine": f"{busy[0]:.0%} of the cores busy just before the measures, {busy[1]:.0%} "
        "just after (sampled for 3 s while the benchmark ran nothing)",
        "machine": f"{cpu}, {os.cpu_count()} cores, {gib:.1f} GiB of memory ({platform.platform()})",
        "versions": f"Python {python}, PostgreSQL {postgresql}, Django {django}, gunicorn {gunicorn}, "
        f"Celery {celery}, Redis {redis}, wrk {wrk_version(wrk)}",
    }
