#!/usr/bin/env python3
"""negotrack's two commands for a newcomer: `run` the site, or `test` it.

    python3 dev.py run     # a virtual environment, the demo data, http://127.0.0.1:8000/
    python3 dev.py test    # the whole test suite (pass pytest options after it)

Needs only Python 3.11+ and git: everything else is installed into .venv from
pyproject.toml, pinned by requirements.lock.
"""

import sys

if sys.version_info < (3, 11):
    sys.exit(
        "negotrack needs Python 3.11 or newer; this is Python %d.%d (%s).\n"
        "Install Python 3.11+ and run this command with it, e.g. python3.11 dev.py run"
        % (sys.version_info[0], sys.version_info[1], sys.executable)
    )

import contextlib  # noqa: E402
import hashlib  # noqa: E402
import os  # noqa: E402
import secrets  # noqa: E402
import subprocess  # noqa: E402
import venv  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent
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
    where = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "the embedded SQLite"
    say(f"running the test suite on {where}")
    run(BIN / "ruff", "check", ".")
    run(PYTHON, "manage.py", "makemigrations", "--check", "--dry-run", "-v", "1", env={**env, "DEBUG": "0"})
    run(PYTHON, "-m", "pytest", *pytest_args, env=env)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.exit(__doc__)
    if sys.argv[1] == "run":
        command_run()
    else:
        command_test(sys.argv[2:])


if __name__ == "__main__":
    main()
