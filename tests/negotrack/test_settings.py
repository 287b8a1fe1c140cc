"""Settings come from the environment only, and a bad value stops start-up naming its variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


_SET_BY_TESTS = {"DATABASE_URL", "REDIS_URL", "DEBUG", "HTTPS_ONLY", "BEHIND_TLS_PROXY", "HSTS_SECONDS"}


def start(env_changes: dict, code: str = "import django; django.setup(); print('started')"):
    env = {key: value for key, value in os.environ.items() if key not in _SET_BY_TESTS}
    env.update({"DJANGO_SETTINGS_MODULE": "negotrack.settings", **env_changes})
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "perhaps", "DEBUG='perhaps' is not a boolean"),
        ("DATABASE_URL", "mysql://root@localhost/negotrack", "DATABASE_URL must name PostgreSQL or SQLite"),
        ("DATABASE_URL", "nonsense", "DATABASE_URL"),
        ("CONN_MAX_AGE", "a minute", "CONN_MAX_AGE='a minute' is not a whole number"),
        ("TIMELINE_RECONCILE_SECONDS", "soon", "TIMELINE_RECONCILE_SECONDS='soon' is not a positive number"),
        ("TIMELINE_RECONCILE_SECONDS", "0", "is not a positive number"),
        ("CHANGES_RETENTION_DAYS", "a year", "CHANGES_RETENTION_DAYS='a year' is not a whole number"),
        ("CHANGES_RETENTION_DAYS", "0", "CHANGES_RETENTION_DAYS=0 must be 1 or more"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_message_that_names_the_variable(variable, value, message):
    result = start({"SECRET_KEY": "x", variable: value})
    assert result.returncode != 0
    assert message in result.stderr
    assert "started" not in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = start({"SECRET_KEY": "", "DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_mode_generates_a_secret_key_once_and_keeps_it_outside_git(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    env = {"SECRET_KEY": "", "DEBUG": "1", "NEGOTRACK_VAR_DIR": str(tmp_path)}
    first, second = start(env, code), start(env, code)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    ignored = subprocess.run(["git", "check-ignore", "-q", "var/secret_key"], cwd=ROOT)
    assert ignored.returncode == 0, "var/ must be ignored by git"


def test_the_embedded_default_is_sqlite_with_tasks_in_process_and_debug_off(tmp_path):
    code = (
        "from django.conf import settings; from negotrack.celery import app;"
        "print(settings.DATABASES['default']['ENGINE'], app.conf.task_always_eager, settings.DEBUG)"
    )
    result = start({"SECRET_KEY": "x", "NEGOTRACK_VAR_DIR": str(tmp_path)}, code)
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True", "False"], result.stderr


def test_redis_url_sends_tasks_to_the_broker(tmp_path):
    code = "from negotrack.celery import app; print(app.conf.broker_url, app.conf.task_always_eager)"
    result = start({"SECRET_KEY": "x", "REDIS_URL": "redis://127.0.0.1:6399/3"}, code)
    assert result.stdout.split() == ["redis://127.0.0.1:6399/3", "False"], result.stderr


def test_redis_url_makes_the_rate_limit_count_in_redis():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    with_redis = start({"SECRET_KEY": "x", "REDIS_URL": "redis://127.0.0.1:6399/3"}, code)
    assert with_redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache", with_redis.stderr
    embedded = start({"SECRET_KEY": "x"}, code)
    assert embedded.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache", embedded.stderr


def test_beat_reconciles_timelines_at_the_interval_from_the_environment():
    code = (
        "from negotrack.celery import app; entry = app.conf.beat_schedule['reconcile-timelines'];"
        "print(entry['task'], entry['schedule'])"
    )
    result = start({"SECRET_KEY": "x", "TIMELINE_RECONCILE_SECONDS": "2.5"}, code)
    assert result.stdout.split() == ["issues.reconcile_timelines", "2.5"], result.stderr
