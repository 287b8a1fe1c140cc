"""/healthz: 200 while the database answers (Redis down or not), 503 when it does not;
no login, no secret, and how long the oldest timeline has waited for its rebuild."""

import datetime
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from issues.models import TimelineState
from tests.factories import IssueFactory

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_it_answers_200_without_a_login_and_redis_unset_reads_as_not_used(client, settings):
    settings.REDIS_URL = None
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "up" and body["redis"] == "not used"
    assert body["timelines"] == {"waiting": 0, "oldest_waiting_seconds": None}


@pytest.mark.django_db
def test_it_answers_200_with_redis_down_when_only_redis_is_unreachable(client, settings):
    settings.REDIS_URL = f"redis://:hunter2-secret@127.0.0.1:{closed_port()}/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body == {**body, "status": "degraded", "database": "up", "redis": "down"}
    assert "hunter2" not in response.content.decode() and "127.0.0.1" not in response.content.decode()


@pytest.mark.redis
@pytest.mark.django_db
def test_it_reports_redis_up_when_redis_answers(client):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    assert client.get("/healthz").json()["redis"] == "up"


@pytest.mark.django_db
def test_it_gives_the_age_of_the_oldest_timeline_waiting_for_a_rebuild(client):
    waiting, also_waiting, current = IssueFactory(), IssueFactory(), IssueFactory()
    now = timezone.now()
    long_ago = now - datetime.timedelta(seconds=90)
    TimelineState.objects.update_or_create(issue=waiting, defaults={"marked_since": long_ago})
    TimelineState.objects.update_or_create(issue=also_waiting, defaults={"marked_since": now})
    TimelineState.objects.update_or_create(issue=current, defaults={"marked_since": None})
    timelines = client.get("/healthz").json()["timelines"]
    assert timelines["waiting"] == 2
    assert 90 <= timelines["oldest_waiting_seconds"] < 150


def test_it_answers_503_when_the_database_is_unreachable_and_leaks_no_secret(tmp_path):
    """A web process whose database is down (nothing listens at DATABASE_URL's port), in
    production settings: 503, on plain HTTP too, with neither the password nor the address."""
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "response = Client().get('/healthz');"
        "print(json.dumps({'status': response.status_code, 'body': response.content.decode()}))"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "HTTPS_ONLY", "DEBUG")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "negotrack.settings",
        "DATABASE_URL": f"postgres://negotrack:hunter2-secret@127.0.0.1:{closed_port()}/negotrack",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "testserver",
        "NEGOTRACK_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert json.loads(answer["body"]) == {"status": "down", "database": "down", "redis": "not used", "timelines": None}
    assert "hunter2" not in answer["body"] and "127.0.0.1" not in answer["body"]
    assert "hunter2" not in result.stderr, "the logs must not carry the password either"
