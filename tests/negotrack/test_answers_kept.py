"""Public answers kept under their ETag (negotrack.answers): the second reader of a page or
an API read gets the same answer without it being built again, and the first write after
it is never hidden by what was kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from negotrack.groups import system_user
from rounds.services import process_save
from tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

PATHS = ["/", "/api/v1/processes/"]


@pytest.fixture
def keeping(settings):
    settings.ANSWERS_KEPT_SECONDS = 600


def read(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(path, **extra)
    assert answer.status_code == 200, answer.content
    return answer, len(queries)


@pytest.mark.parametrize("path", PATHS)
def test_the_second_reader_gets_the_kept_answer_for_the_change_logs_query_alone(client, keeping, path):
    ProcessFactory(name="Geneva talks")
    first, built = read(client, path)
    second, kept = read(client, path)
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]
    assert second["ETag"] == first["ETag"]
    assert kept == 1 < built  # the change log's state, which the ETag is made of


@pytest.mark.parametrize("path", PATHS)
def test_a_write_after_an_answer_was_kept_shows_at_once(client, keeping, path):
    process = ProcessFactory(name="Geneva talks")
    read(client, path)
    process.name = "Abu Dhabi talks"
    process_save(process, by=system_user())
    answer, _ = read(client, path)
    assert "Abu Dhabi talks" in answer.content.decode()
    assert "Geneva talks" not in answer.content.decode()


def test_signed_in_readers_get_answers_built_for_them(client, keeping, editor):
    ProcessFactory()
    client.force_login(editor)
    _, built = read(client, "/")
    _, again = read(client, "/")
    assert again == built


def test_each_host_gets_its_own_answer_because_links_carry_it(client, keeping, settings):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    ProcessFactory.create_batch(2)  # two pages of one: the first links the next
    first, _ = read(client, "/api/v1/processes/?page_size=1", HTTP_HOST="one.example")
    second, _ = read(client, "/api/v1/processes/?page_size=1", HTTP_HOST="two.example")
    assert "http://one.example/" in first.content.decode()
    assert "http://two.example/" in second.content.decode()
    assert "one.example" not in second.content.decode()


def test_the_browsable_api_is_never_kept(client, keeping):
    ProcessFactory()
    _, built = read(client, "/api/v1/processes/?format=api")
    _, again = read(client, "/api/v1/processes/?format=api")
    assert again == built


def test_nothing_is_kept_when_keeping_is_off(client):
    ProcessFactory()
    _, built = read(client, "/api/v1/processes/")
    _, again = read(client, "/api/v1/processes/")
    assert again == built


def test_an_unreachable_cache_builds_every_answer(client, keeping, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ProcessFactory(name="Geneva talks")
    for _ in range(2):
        answer, _ = read(client, "/api/v1/processes/")
        assert "Geneva talks" in answer.content.decode()
    assert "cache is unreachable" in caplog.text


@pytest.mark.redis
def test_with_redis_every_web_process_reads_the_same_kept_answers(client, keeping, settings):
    import os
    import uuid

    from django.core.cache import caches
    from redis import Redis

    from tests.negotrack.test_api_conditional import redis_cache

    prefix = f"negotrack-test-{uuid.uuid4().hex}"
    settings.CACHES = redis_cache(os.environ["REDIS_URL"], prefix)
    redis = Redis.from_url(os.environ["REDIS_URL"])
    try:
        ProcessFactory(name="Geneva talks")
        first, built = read(client, "/api/v1/processes/")
        assert any(b"answer:" in key for key in redis.scan_iter(f"{prefix}:*"))
        caches.close_all()  # another web process: a fresh connection, the same answers
        second, kept = read(client, "/api/v1/processes/")
        assert second.content == first.content and kept == 1 < built
    finally:
        for key in redis.scan_iter(f"{prefix}:*"):
            redis.delete(key)


def test_after_the_cache_fails_it_is_left_alone_for_a_few_seconds(client, keeping, settings, monkeypatch):
    """A frozen Redis costs one timeout now and then, not one for every cache call of every
    request: after a failure, neither the rate limit nor the kept answers ask it for a while."""
    from redis.connection import AbstractConnection

    from negotrack import cache_breaker

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    ProcessFactory()
    tried = []
    connect = AbstractConnection.connect
    monkeypatch.setattr(AbstractConnection, "connect", lambda self: tried.append(1) or connect(self))
    for _ in range(3):
        read(client, "/api/v1/processes/")
    assert len(tried) == 1  # the first read's rate limit found it unreachable; nothing asked it since
    monkeypatch.setattr(cache_breaker.time, "monotonic", lambda: 1e12)  # the pause is over
    read(client, "/api/v1/processes/")
    assert len(tried) == 2
