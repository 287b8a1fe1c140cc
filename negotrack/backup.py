"""Backups of the PostgreSQL database: pg_dump's custom format out, pg_restore into an
empty database. The connection comes from DATABASE_URL, passed to the PostgreSQL tools
in their own environment variables, so that no password shows in a process list."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    pass


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def _pg_environment(alias: str) -> dict[str, str]:
    connection = connections[alias]
    if connection.vendor != "postgresql":
        raise BackupError(
            "backups are made with PostgreSQL's tools; on the embedded SQLite default, stop the site "
            "and copy the database file instead."
        )
    params = connection.get_connection_params()
    env = dict(os.environ)
    for variable, key in (("PGHOST", "host"), ("PGPORT", "port"), ("PGUSER", "user"),
                          ("PGPASSWORD", "password"), ("PGDATABASE", "dbname")):  # fmt: skip
        if params.get(key):
            env[variable] = str(params[key])
    return env


def dump(path: Path, *, alias: str = "default") -> None:
    env = _pg_environment(alias)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    result = subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    # Only a complete dump takes the name: a failed run never leaves a file that looks good.
    partial.replace(path)


def table_names(alias: str = "default") -> list[str]:
    with connections[alias].cursor() as cursor:
        return connections[alias].introspection.table_names(cursor)


def restore(path: Path, *, alias: str = "default") -> None:
    env = _pg_environment(alias)
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    existing = table_names(alias)
    if existing:
        raise BackupError(
            f"the database {env.get('PGDATABASE')!r} is not empty ({len(existing)} tables): restore into a new, "
            "empty database (createdb), then point DATABASE_URL at it."
        )
    connections[alias].close()
    result = subprocess.run(
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         f"--dbname={env.get('PGDATABASE', '')}", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )  # fmt: skip
    if result.returncode:
        raise BackupError(f"pg_restore failed (nothing was restored): {result.stderr.strip()}")
