"""backup_database dumps PostgreSQL (custom format); restore_database puts a dump into an
empty database and refuses one that holds anything."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.factories import IssueFactory

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, database_url=None, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env |= {"DJANGO_SETTINGS_MODULE": "negotrack.settings", "SECRET_KEY": "x", "NEGOTRACK_VAR_DIR": str(tmp_path)}
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_on_the_embedded_sqlite_default_it_says_to_copy_the_file(tmp_path):
    result = manage("backup_database", "--output", tmp_path / "x.dump", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "copy the database file" in result.stderr
    assert not (tmp_path / "x.dump").exists()


@pytest.fixture
def postgres_url():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore need PostgreSQL (DATABASE_URL pointing at it)")
    params = connection.get_connection_params()
    return lambda name: (
        f"postgres://{params.get('user') or 'postgres'}@{params.get('host') or '127.0.0.1'}"
        f":{params.get('port') or 5432}/{name}"
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as every committing test here
def test_a_dump_restores_into_a_new_database_and_never_over_a_used_one(postgres_url, tmp_path):
    issue = IssueFactory(name="Prisoner exchange, as dumped")
    dump = tmp_path / "negotrack.dump"
    made = manage("backup_database", "--output", dump, database_url=postgres_url(connection.settings_dict["NAME"]),
                  tmp_path=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert dump.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format

    fresh = f"negotrack_restore_test_{os.getpid()}"
    admin_url = postgres_url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {fresh}")
    try:
        restored = manage("restore_database", dump, database_url=postgres_url(fresh), tmp_path=tmp_path)
        assert restored.returncode == 0, restored.stderr
        with psycopg.connect(postgres_url(fresh)) as copy:
            titles = [row[0] for row in copy.execute("SELECT name FROM issues_issue WHERE slug = %s", [issue.slug])]
        assert titles == ["Prisoner exchange, as dumped"]

        again = manage("restore_database", dump, database_url=postgres_url(fresh), tmp_path=tmp_path)
        assert again.returncode != 0
        assert "is not empty" in again.stderr
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")
