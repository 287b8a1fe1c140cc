#!/usr/bin/env python3
"""CI's second PostgreSQL line: a part of the suite, on a PostgreSQL cluster of its own.

    python3 scripts/ci_postgres_part.py tests/delegations tests/issues/timelines

`.ci/run` runs the PostgreSQL pass on one core while the other runs the SQLite pass, mypy
and the production stack, which end minutes earlier; this runs the paths it is given, as
the PostgreSQL pass would (NEGOTRACK_REQUIRE_SERVICES=1: a skipped test fails), on that
core meanwhile, and the PostgreSQL pass leaves them out (`--ignore`).

A cluster of its own (initdb on a spare port, scripts/soak_services.py), not a second
database on the shared one: whether a change can show in the changes feed depends on the
oldest transaction open anywhere in the cluster (negotrack.changes.cursor), so tests of
the feed in one line would wait for the other line's transactions to end. Redis is the
shared server, in a database number of this line's own (REDIS_DB, 1 unless given).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.ci_tools import Failed  # noqa: E402
from scripts.dev_commands import PYTHON, ensure_environment  # noqa: E402
from scripts.soak_services import LocalPostgres  # noqa: E402


def main(paths: list[str]) -> int:
    if not paths:
        print("ci_postgres_part: name the test paths to run", file=sys.stderr)
        return 2
    ensure_environment()
    work = Path(tempfile.mkdtemp(prefix="negotrack-ci-postgres-"))
    postgres = LocalPostgres(work / "postgres")
    try:
        postgres.create()
        env = dict(os.environ) | {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": f"redis://127.0.0.1:6379/{os.environ.get('REDIS_DB', '1')}",
            "NEGOTRACK_REQUIRE_SERVICES": "1",
        }
        env.setdefault("SECRET_KEY", "tests-ci-postgres-part")
        env.setdefault("HTTPS_ONLY", "0")
        print(f"ci_postgres_part: {' '.join(paths)} on PostgreSQL at port {postgres.port}", flush=True)
        command = [str(PYTHON), "-m", "pytest", "-p", "no:cacheprovider", *paths]
        return subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL).returncode
    except Failed as error:
        print(f"ci_postgres_part: {error}", file=sys.stderr)
        return 1
    finally:
        postgres.remove()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
