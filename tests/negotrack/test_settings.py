"""Settings come from the environment only, and a bad value stops start-up naming its variable."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


_SET_BY_TESTS = {
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "REDIS_URL",
    "DEBUG",
    "HTTPS_ONLY",
    "BEHIND_TLS_PROXY",
    "HSTS_SECONDS",
}


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
        ("DATABASE_REPLICA_URL", "nonsense", "DATABASE_REPLICA_URL is not a database URL"),
        ("DATABASE_REPLICA_URL", "mysql://root@replica/negotrack", "DATABASE_REPLICA_URL must name PostgreSQL"),
        # Beside the embedded SQLite default: a replica is a PostgreSQL standby.
        ("DATABASE_REPLICA_URL", "postgres://negotrack@replica/negotrack", "DATABASE_REPLICA_URL needs PostgreSQL"),
        ("CONN_MAX_AGE", "a minute", "CONN_MAX_AGE='a minute' is not a whole number"),
        ("TIMELINE_RECONCILE_SECONDS", "soon", "TIMELINE_RECONCILE_SECONDS='soon' is not a positive number"),
        ("TIMELINE_RECONCILE_SECONDS", "0", "is not a positive number"),
        ("CHANGES_RETENTION_DAYS", "a year", "CHANGES_RETENTION_DAYS='a year' is not a whole number"),
        ("CHANGES_RETENTION_DAYS", "0", "CHANGES_RETENTION_DAYS=0 must be 1 or more"),
        ("WEBHOOKS_RETENTION_DAYS", "a month", "WEBHOOKS_RETENTION_DAYS='a month' is not a whole number"),
        ("WEBHOOKS_RETENTION_DAYS", "0", "WEBHOOKS_RETENTION_DAYS=0 must be 1 or more (days)"),
        ("HTTPS_ONLY", "sometimes", "HTTPS_ONLY='sometimes' is not a boolean"),
        ("HSTS_SECONDS", "a year", "HSTS_SECONDS='a year' is not a whole number"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL='LOUD' is not one of"),
        ("SESSION_HOURS", "a day", "SESSION_HOURS='a day' is not a whole number"),
        ("SESSION_HOURS", "0", "SESSION_HOURS=0 must be 1 or more"),
        ("SIGN_IN_FAILURE_LIMIT", "0", "SIGN_IN_FAILURE_LIMIT=0 must be 1 or more"),
        ("SIGN_IN_COOLOFF_MINUTES", "soon", "SIGN_IN_COOLOFF_MINUTES='soon' is not a whole number"),
        ("PAGE_ANON_RATE", "lots", "PAGE_ANON_RATE='lots' is not a rate"),
        ("READ_STATEMENT_TIMEOUT_MS", "a second", "READ_STATEMENT_TIMEOUT_MS='a second' is not a whole number"),
        ("READ_STATEMENT_TIMEOUT_MS", "-1", "READ_STATEMENT_TIMEOUT_MS=-1 must be 0 (off) or more"),
        ("DATABASE_RANDOM_PAGE_COST", "cheap", "DATABASE_RANDOM_PAGE_COST='cheap' is not a positive number (of page"),
        ("DATABASE_RANDOM_PAGE_COST", "0", "is not a positive number"),
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


DATABASES = (
    "from django.conf import settings as s; import json;"
    "print(json.dumps({'aliases': sorted(s.DATABASES), 'public_reads_from_replica': s.PUBLIC_READS_FROM_REPLICA,"
    "'replica': {key: s.DATABASES.get('replica', {}).get(key) for key in ('HOST', 'NAME', 'CONN_MAX_AGE')},"
    "'routers': s.DATABASE_ROUTERS}))"
)
PRIMARY = "postgres://negotrack@primary.internal:5432/negotrack"


def test_a_replica_url_adds_a_replica_that_serves_the_public_reads():
    replica = "postgres://negotrack_reader@replica.internal:5432/negotrack"
    result = start({"SECRET_KEY": "x", "DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URL": replica}, DATABASES)
    assert json.loads(result.stdout) == {
        "aliases": ["default", "replica"],
        "public_reads_from_replica": True,
        "replica": {"HOST": "replica.internal", "NAME": "negotrack", "CONN_MAX_AGE": 60},
        "routers": ["negotrack.replica.PublicReadRouter"],
    }, result.stderr


def test_without_a_replica_url_there_is_the_primary_alone():
    result = start({"SECRET_KEY": "x", "DATABASE_URL": PRIMARY}, DATABASES)
    settings = json.loads(result.stdout)
    assert settings["aliases"] == ["default"] and settings["public_reads_from_replica"] is False, result.stderr


def test_beat_reconciles_timelines_at_the_interval_from_the_environment():
    code = (
        "from negotrack.celery import app; entry = app.conf.beat_schedule['reconcile-timelines'];"
        "print(entry['task'], entry['schedule'])"
    )
    result = start({"SECRET_KEY": "x", "TIMELINE_RECONCILE_SECONDS": "2.5"}, code)
    assert result.stdout.split() == ["issues.reconcile_timelines", "2.5"], result.stderr


def env_example() -> dict:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def production(tmp_path) -> dict:
    """The settings of .env.example, with the secret it asks for and a writable var/."""
    return env_example() | {
        "SECRET_KEY": "a-secret-key-long-enough-for-check-deploy-" + "k" * 30,
        "NEGOTRACK_VAR_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
    }


def check_deploy(env_changes: dict):
    env = {key: value for key, value in os.environ.items() if key not in _SET_BY_TESTS}
    env.update({"DJANGO_SETTINGS_MODULE": "negotrack.settings", **env_changes})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_env_example_and_the_readme_settings_table_name_the_same_variables():
    readme = (ROOT / "README.md").read_text()
    table = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))
    example = (ROOT / ".env.example").read_text()
    # DATABASE_URL and REDIS_URL are there as comments: docker-compose sets them itself.
    commented = set(re.findall(r"^# ([A-Z_]+)=", example, flags=re.MULTILINE))
    assert {"DATABASE_URL", "REDIS_URL"} <= commented
    assert table == set(env_example()) | commented


def test_check_deploy_passes_with_the_settings_of_env_example(tmp_path):
    result = check_deploy(production(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_of_postgresql_without_redis_which_several_processes_share(tmp_path):
    on_postgresql = production(tmp_path) | {"DATABASE_URL": PRIMARY}
    without_redis = check_deploy(on_postgresql)
    assert without_redis.returncode != 0 and "negotrack.W001" in without_redis.stderr
    assert "REDIS_URL is not set" in without_redis.stderr
    with_redis = check_deploy(on_postgresql | {"REDIS_URL": "redis://redis.internal:6379/0"})
    assert with_redis.returncode == 0, with_redis.stdout + with_redis.stderr


def test_check_deploy_fails_in_debug_mode_or_without_https(tmp_path):
    assert check_deploy(production(tmp_path) | {"DEBUG": "1"}).returncode != 0
    without_https = check_deploy(production(tmp_path) | {"HTTPS_ONLY": "0"})
    assert without_https.returncode != 0 and "SECURE_SSL_REDIRECT" in without_https.stderr


SECURITY = (
    "from django.conf import settings as s;"
    "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
    "getattr(s, 'SECURE_PROXY_SSL_HEADER', None) is not None)"
)


def test_production_is_https_only_with_hsts_and_secure_cookies_behind_the_proxy(tmp_path):
    result = start({"SECRET_KEY": "x", "DEBUG": "0", "NEGOTRACK_VAR_DIR": str(tmp_path)}, SECURITY)
    assert result.stdout.split() == ["True", "True", "True", "31536000", "True"], result.stderr


def test_debug_mode_serves_plain_http_on_the_local_server(tmp_path):
    result = start({"DEBUG": "1", "NEGOTRACK_VAR_DIR": str(tmp_path)}, SECURITY)
    assert result.stdout.split() == ["False", "False", "False", "0", "False"], result.stderr


def test_https_can_be_turned_off_apart_from_debug(tmp_path):
    result = start({"SECRET_KEY": "x", "DEBUG": "0", "HTTPS_ONLY": "0", "NEGOTRACK_VAR_DIR": str(tmp_path)}, SECURITY)
    assert result.stdout.split() == ["False", "False", "False", "0", "False"], result.stderr


PAGES = (
    "import django, json; django.setup();"
    "from django.test import Client; client = Client();"
    "answers = {path: client.get(path, **extra) for path, extra in ["
    "('/healthz', {}), ('/api/v1/issues/', {}), ('/admin/login/', {'HTTP_X_FORWARDED_PROTO': 'https'})]};"
    "print(json.dumps({path: [r.status_code, r.get('Location'), r.get('Strict-Transport-Security'),"
    "r.get('Content-Security-Policy')] for path, r in answers.items()}))"
)


def test_plain_http_is_redirected_to_https_except_the_health_probe(tmp_path):
    prepare = start(
        {"SECRET_KEY": "x", "DEBUG": "0", "NEGOTRACK_VAR_DIR": str(tmp_path)},
        "import django; django.setup(); from django.core.management import call_command;"
        "call_command('migrate', verbosity=0); call_command('collectstatic', interactive=False, verbosity=0)",
    )
    assert prepare.returncode == 0, prepare.stderr
    env = {"SECRET_KEY": "x", "DEBUG": "0", "ALLOWED_HOSTS": "testserver", "NEGOTRACK_VAR_DIR": str(tmp_path)}
    result = start(env, PAGES)
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["/healthz"][0] == 200
    assert answers["/api/v1/issues/"][:2] == [301, "https://testserver/api/v1/issues/"]
    status, _, hsts, csp = answers["/admin/login/"]
    assert status == 200 and hsts == "max-age=31536000; includeSubDomains"
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
