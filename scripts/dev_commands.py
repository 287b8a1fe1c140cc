"""The commands of dev.py: `run` negotrack on the embedded default, `test` it, run the full
`stack` (gunicorn, a Celery worker and beat) on an existing PostgreSQL and Redis, `soak`
it under load and faults, `bench` its speed, or regenerate its typed Python `client`.

Kept apart from dev.py so that dev.py itself parses on any Python and can say which one
it needs.
"""

import argparse
import contextlib
import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

from scripts.supervisor import Supervisor

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".negotrack-installed"


def say(message: str) -> None:
    print(f"negotrack: {message}", flush=True)


def run(*args: object, **kwargs: Any) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_environment() -> None:
    """Create .venv and install the pinned dependencies, again only when they change."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "requirements.lock").read_bytes())
    wanted = digest.hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the pinned dependencies (first run only; a minute or two)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
    run(
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        "requirements.lock",
        ".[dev]",
    )
    STAMP.write_text(wanted)


def manage(*args: str, env: dict[str, str] | None = None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


def run_options(args: list[str]) -> argparse.Namespace:
    """Where `run` serves: 127.0.0.1:8000 unless told otherwise, as 8000 is often taken."""
    parser = argparse.ArgumentParser(prog="dev.py run", description="Run negotrack on the embedded default.")
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    options = parser.parse_args(args)
    if not 0 < options.port < 65536:
        parser.error(f"--port: {options.port} is not a port (1 to 65535)")
    return options


WEBHOOKS_EVERY_SECONDS = 5


def start_webhook_sender(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`manage.py send_webhooks` on a timer, beside the site."""
    command = [str(PYTHON), "manage.py", "send_webhooks", "--every", str(WEBHOOKS_EVERY_SECONDS)]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def command_run(args: list[str]) -> None:
    options = run_options(args)  # refuses a bad option before installing anything
    ensure_environment()
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    say("preparing the embedded database (SQLite in var/) and the demo data")
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("seed_demo", env=env)
    manage("create_demo_users", env=env)
    address = f"[{options.host}]:{options.port}" if ":" in options.host else f"{options.host}:{options.port}"
    say(f"serving http://{address}/ (the admin at http://{address}/admin/); Ctrl-C stops it")
    # Without a broker, webhooks wait in the database: this sends them on a timer, never
    # inside a request.
    sender = start_webhook_sender(env)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            manage("runserver", address, env=env)
    finally:
        sender.terminate()
        try:
            sender.wait(timeout=5)
        except subprocess.TimeoutExpired:
            sender.kill()


def command_test(pytest_args: list[str]) -> None:
    ensure_environment()
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "tests-" + secrets.token_urlsafe(32))
    # The test client speaks plain HTTP; the production settings are tested in subprocesses.
    env.setdefault("HTTPS_ONLY", "0")
    where = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "the embedded SQLite"
    say(f"running the test suite on {where}")
    run(BIN / "ruff", "check", ".")
    run(BIN / "lint-imports", "--no-cache")
    run(PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", "-v", "1", env={**env, "DEBUG": "0"})
    run(PYTHON, "-m", "pytest", *pytest_args, env=env)


STOP_SECONDS = 25  # gunicorn's graceful timeout is 20: a request in flight may finish
MOST_WORKERS = 32


def worker_concurrency(env: dict[str, str]) -> list[str]:
    """NEGOTRACK_WORKERS, the worker's --concurrency; unset, Celery's own default (one per
    CPU). Checked before anything starts, so a typo does not leave a worker that never comes up."""
    value = env.get("NEGOTRACK_WORKERS", "").strip()
    if not value:
        return []
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MOST_WORKERS):
        sys.exit(f"negotrack: NEGOTRACK_WORKERS must be a whole number from 1 to {MOST_WORKERS}, not {value!r}")
    return ["--concurrency", str(int(value))]


def stack_processes(var_dir: Path, concurrency: list[str]) -> dict[str, list]:
    return {
        "web": [BIN / "gunicorn", "negotrack.wsgi"],
        "worker": [BIN / "celery", "-A", "negotrack", "worker", "--loglevel", "INFO", *concurrency],
        "beat": [BIN / "celery", "-A", "negotrack", "beat", "--loglevel", "INFO",
                 "--schedule", var_dir / "celerybeat-schedule"],
    }  # fmt: skip


def command_stack() -> None:
    """gunicorn, a worker and beat against DATABASE_URL and REDIS_URL, until Ctrl-C or SIGTERM;
    one that dies is started again after a back-off (scripts/supervisor.py)."""
    missing = [name for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY") if not os.environ.get(name)]
    if missing:
        sys.exit(f"negotrack: the stack needs {', '.join(missing)} in the environment (see .env.example)")
    env = dict(os.environ)
    concurrency = worker_concurrency(env)
    ensure_environment()
    var_dir = Path(env.get("NEGOTRACK_VAR_DIR") or ROOT / "var")
    var_dir.mkdir(parents=True, exist_ok=True)
    say("migrating the database and collecting the static files")
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("collectstatic", "--no-input", "-v", "0", env=env)
    say(f"web on http://{env.get('GUNICORN_BIND', '127.0.0.1:8000')}/, a worker and beat; Ctrl-C stops them")
    Supervisor(stack_processes(var_dir, concurrency), env=env, cwd=ROOT).run(STOP_SECONDS)


def command_soak(args: list[str]) -> None:
    """The soak test (scripts/soak.py): the stack on a PostgreSQL and a Redis of its own,
    under load, while faults arrive one at a time; `--ci` for CI's shorter run."""
    run(sys.executable, ROOT / "scripts" / "soak.py", *args)


def command_bench(args: list[str]) -> None:
    """The speed benchmark (scripts/bench.py): on a PostgreSQL and a Redis of its own, issue
    19's measures, written to BENCHMARKS.md."""
    run(sys.executable, ROOT / "scripts" / "bench.py", *args)


def command_client() -> None:
    """Regenerate the typed Python client in clients/python/ from the API's schema
    (scripts/python_client.py)."""
    ensure_environment()
    run(PYTHON, ROOT / "scripts" / "python_client.py")


COMMANDS = ("run", "test", "stack", "soak", "bench", "client")


def main(usage: str) -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(usage)
    if sys.argv[1] == "run":
        command_run(sys.argv[2:])
    elif sys.argv[1] == "stack":
        command_stack()
    elif sys.argv[1] == "soak":
        command_soak(sys.argv[2:])
    elif sys.argv[1] == "bench":
        command_bench(sys.argv[2:])
    elif sys.argv[1] == "client":
        command_client()
    else:
        command_test(sys.argv[2:])
