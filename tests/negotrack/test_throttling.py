"""The pages' rate limit for readers who are not signed in (PAGE_ANON_RATE): per address,
counted as the API counts its readers but apart from them, with a page that says when to
come back. (The API's own limit is tested with its conditional reads.)"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_a_minute(settings):
    settings.PAGE_ANON_RATE = "2/min"


def test_a_reader_over_the_rate_gets_a_page_that_says_when_to_come_back(client, two_a_minute):
    assert [client.get(path).status_code for path in ("/", "/people/")] == [200, 200]
    response = client.get("/statements/")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    assert f"Come back in {seconds} second" in response.content.decode()
    assert "ETag" not in response


def test_a_reader_cannot_escape_the_rate_by_writing_another_forwarded_address(client, two_a_minute):
    answers = [client.get("/", headers={"x-forwarded-for": f"203.0.113.{n}"}).status_code for n in range(3)]
    assert answers == [200, 200, 429]


def test_another_address_has_a_count_of_its_own(client, two_a_minute):
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_signed_in_editors_are_not_held_to_the_rate(client, editor, two_a_minute):
    client.force_login(editor)
    assert {client.get("/").status_code for _ in range(5)} == {200}


def test_the_health_probe_static_files_and_the_api_do_not_count(client, two_a_minute):
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
        assert client.get("/static/css/site.css").status_code != 429
        assert client.get("/api/v1/processes/").status_code == 200
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 429]
    # Nor do the pages count against the API's limit.
    assert client.get("/api/v1/processes/").status_code == 200


def test_an_unreachable_rate_limit_cache_lets_readers_through(client, two_a_minute, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert {client.get("/").status_code for _ in range(3)} == {200}
    assert "rate limit skipped" in caplog.text


def test_the_count_slides_with_the_clock_and_a_refusal_is_not_counted(client, two_a_minute, monkeypatch):
    """Two windows of a minute: the previous one's count weighs what is left of it in the
    last minute. Refused requests are taken back out, so waiting as told is enough."""
    from negotrack.throttling import AnonymousReadThrottle

    now = [6_000_000.0]  # the start of a minute
    monkeypatch.setattr(AnonymousReadThrottle, "timer", lambda self: now[0])
    assert [client.get("/").status_code for _ in range(4)] == [200, 200, 429, 429]
    now[0] += 75  # a quarter into the next minute: 2 × 0.75 of the last one still counts
    refused = client.get("/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 45
    now[0] += 15  # halfway: 2 × 0.5 + 1 fits
    assert [client.get("/").status_code for _ in range(2)] == [200, 429]
    now[0] += 120  # two minutes on, nothing of the last minute was counted
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 429]


def test_a_reader_costs_two_small_counters_whatever_the_rate(client, settings):
    from django.core.cache import cache

    settings.PAGE_ANON_RATE = "100000/min"
    for _ in range(30):
        assert client.get("/").status_code == 200
    counts = [value for key in cache_keys(cache) if (value := cache.get(key)) is not None]
    # One counter a minute: two when the requests straddle the turn of a minute.
    assert all(isinstance(value, int) for value in counts)
    assert len(counts) <= 2 and sum(counts) == 30


def cache_keys(cache):
    """The keys the pages' limit wrote (the cache's own listing, on either backend)."""
    from django.core.cache.backends.redis import RedisCache

    if isinstance(cache, RedisCache):
        client = cache._cache.get_client()
        prefix = cache.make_key("")
        return [key.decode().removeprefix(prefix) for key in client.scan_iter(f"{prefix}*throttle_pages*")]
    return [key.split(":", 2)[2] for key in cache._cache if "throttle_pages" in key]
