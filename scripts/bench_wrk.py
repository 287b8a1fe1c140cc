"""wrk, the benchmark's load tool (scripts/bench.py): installed from Debian when missing,
run against the benchmark's gunicorn, and its report read. An answer other than 2xx or
304 fails the run: wrk counts every 3xx as success, so the benchmark also asks each
address once itself (scripts/bench_measures.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from scripts.ci_tools import Failed

# wrk's units of time, in milliseconds.
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass(frozen=True)
class WrkReport:
    requests: int
    per_second: float
    median_ms: float | None  # the 50% line, printed with --latency
    not_ok: int  # "Non-2xx or 3xx responses"
    socket_errors: int  # connect, read, write and timeout errors together


def median_ms(report: WrkReport) -> float:
    """The report's 50% line; wrk prints it with --latency, which the benchmark always asks."""
    if report.median_ms is None:
        raise Failed("wrk's report has no latency distribution")
    return report.median_ms


def per_second(report: WrkReport) -> float:
    return report.per_second


def parse_wrk(output: str) -> WrkReport:
    """The figures of wrk's report; Failed when it holds none."""
    per_second = re.search(r"^Requests/sec:\s+([\d.]+)\s*$", output, re.MULTILINE)
    requests = re.search(r"^\s*(\d+) requests in ", output, re.MULTILINE)
    if per_second is None or requests is None:
        raise Failed(f"wrk's report says no requests per second:\n{output}")
    median = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE)
    not_ok = re.search(r"^\s*Non-2xx or 3xx responses:\s+(\d+)\s*$", output, re.MULTILINE)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkReport(
        requests=int(requests.group(1)),
        per_second=float(per_second.group(1)),
        median_ms=None if median is None else float(median.group(1)) * UNITS_MS[median.group(2)],
        not_ok=0 if not_ok is None else int(not_ok.group(1)),
        socket_errors=0 if errors is None else sum(int(count) for count in errors.groups()),
    )


def check_report(report: WrkReport, what: str) -> None:
    """Every answer 2xx or 3xx (the plain request checks it was 200 or 304), no socket error."""
    if report.requests == 0:
        raise Failed(f"{what}: wrk finished no request")
    if report.not_ok:
        raise Failed(f"{what}: {report.not_ok} of {report.requests} answers were neither 2xx nor 304")
    if report.socket_errors:
        raise Failed(f"{what}: {report.socket_errors} socket errors (connect, read, write or timeout)")


def ensure_wrk(say: Callable[[str], None]) -> str:
    """wrk's path; installed with apt-get when missing (apt-get update first if that fails)."""
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        raise Failed("wrk is not installed, and only root on Debian can install it here: apt-get install wrk")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say("installing wrk from Debian (apt-get install wrk)")
    install = [apt, "install", "-y", "--no-install-recommends", "wrk"]
    if subprocess.run(install, env=env, capture_output=True, text=True, timeout=600).returncode:
        subprocess.run([apt, "update"], env=env, capture_output=True, text=True, timeout=600)
        result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode:
            raise Failed(f"apt-get install wrk exited {result.returncode}: {result.stderr[-2000:]}")
    found = shutil.which("wrk")
    if found is None:
        raise Failed("apt-get installed wrk, yet it is not on PATH")
    return found


def wrk_version(wrk: str) -> str:
    # `wrk -v` prints its version first, then its usage, and exits 1.
    output = subprocess.run([wrk, "-v"], capture_output=True, text=True, timeout=10)
    found = re.search(r"wrk (\S+)", output.stdout + output.stderr)
    return found.group(1) if found else "unknown"


@dataclass(frozen=True)
class Load:
    """How wrk loads an address: how many connections for how many seconds (wrk takes whole ones)."""

    connections: int
    seconds: int


def run_wrk(wrk: str, port: int, path: str, headers: Mapping[str, str], load: Load, what: str) -> WrkReport:
    """One run of wrk on one thread against http://127.0.0.1:port/path, checked."""
    args = [wrk, "-t1", f"-c{load.connections}", f"-d{load.seconds}s", "--timeout", "10s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    args.append(f"http://127.0.0.1:{port}{path}")
    result = subprocess.run(args, capture_output=True, text=True, timeout=load.seconds + 60)
    if result.returncode:
        raise Failed(f"{what}: {' '.join(args)} exited {result.returncode}: {(result.stderr or result.stdout)[:500]}")
    report = parse_wrk(result.stdout)
    check_report(report, what)
    return report
