"""The two commands of dev.py: `run` negotrack on the embedded default, or `test` it.

Kept apart from dev.py so that dev.py itself parses on any Python and can say which one
it needs.
"""

import contextlib
import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".negotrack-installed"


def say(message: str) -> None:
    print(f"negotrack: {message}", flush=True)


def run(*args, **kwargs) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_environment() -> None:
    """Create .venv and install the pinned dependencies, again only when they change."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "requirements.lock").read_bytes())
    wanted = wanted.hexdigest()
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


def manage(*args, env=None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


def command_run() -> None:
    ensure_environment()
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    say("preparing the embedded database (SQLite in var/) and the demo data")
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("seed_demo", env=env)
    manage("create_demo_users", env=env)
    say("serving http://127.0.0.1:8000/ (the admin at http://127.0.0.1:8000/admin/); Ctrl-C stops it")
    with contextlib.suppress(KeyboardInterrupt):
        manage("runserver", "127.0.0.1:8000", env=env)


def command_test(pytest_args: list[str]) -> None:
    ensure_environment()
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "tests-" + secrets.token_urlsafe(32))
    # The test client speaks plain HTTP; the production settings are tested in subprocesses.
    env.setdefault("HTTPS_ONLY", "0")
    where = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "the embedded SQLite"
    say(f"running the test suite on {where}")
    run(BIN / "ruff", "check", ".")
    run(PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", "-v", "1", env={**env, "DEBUG": "0"})
    run(PYTHON, "-m", "pytest", *pytest_args, env=env)


def main(usage: str) -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.exit(usage)
    if sys.argv[1] == "run":
        command_run()
    else:
        command_test(sys.argv[2:])
