"""Conditional reads of /api/v1/ (ETag, Last-Modified, 304) and the anonymous rate limit."""

import datetime
import os
import threading
import uuid

import pytest
from django.core.cache import caches
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date
from redis import Redis
from rest_framework.throttling import AnonRateThrottle

from issues import services as issue_services
from negotrack.groups import system_user
from negotrack.models import Change
from rounds import services as round_services
from tests.factories import IssueFactory, IssueStatusFactory, ProcessFactory, RoundFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    """A process with a round, an issue and a published status: something on every route."""
    process = ProcessFactory(slug="ru-ua")
    talk_round = RoundFactory(process=process)
    issue = IssueFactory(process=process)
    IssueStatusFactory(issue=issue, round=talk_round, publish=True)
    return {"process": process, "round": talk_round, "issue": issue}


def paths(record):
    return [
        "/api/v1/processes/",
        "/api/v1/processes/ru-ua/",
        f"/api/v1/rounds/{record['round'].slug}/",
        "/api/v1/rounds/",
        "/api/v1/issues/",
        f"/api/v1/issues/{record['issue'].slug}/",
        "/api/v1/status-matrix/?process=ru-ua",
        "/api/v1/popolo/?process=ru-ua",
    ]


def test_every_read_answers_a_weak_etag_and_last_modified_from_the_change_log(client, record):
    newest = Change.objects.order_by("-id").first()
    for path in paths(record):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["ETag"].startswith('W/"'), path
        assert parse_http_date(response["Last-Modified"]) == int(newest.occurred_at.timestamp()), path
        assert "no-cache" in response["Cache-Control"]


def test_each_path_and_query_has_its_own_etag(client, record):
    etags = {client.get(path)["ETag"] for path in paths(record)}
    etags.add(client.get("/api/v1/processes/?page_size=1")["ETag"])
    assert len(etags) == len(paths(record)) + 1


def test_the_same_etag_answers_304_without_a_body(client, record):
    for path in paths(record):
        etag = client.get(path)["ETag"]
        response = client.get(path, headers={"if-none-match": etag})
        assert response.status_code == 304, path
        assert response.content == b""
        assert response["ETag"] == etag


def test_a_304_skips_the_work_of_the_view(client, record, django_assert_max_num_queries):
    for path in paths(record):
        with CaptureQueriesContext(connection) as full:
            etag = client.get(path)["ETag"]
        # The change log; for the detail of a record that tools write, its version too (the
        # ETag leads with it, for If-Match).
        detail = path.rstrip("/").count("/") == 4 and "?" not in path
        with django_assert_max_num_queries(2 if detail else 1) as conditional:
            assert client.get(path, headers={"if-none-match": etag}).status_code == 304
        assert len(conditional) < len(full), path


def test_an_etag_in_a_list_of_several_matches_and_a_strong_form_matches_weakly(client, record):
    etag = client.get("/api/v1/issues/")["ETag"]
    several = f'"something-else", {etag}'
    assert client.get("/api/v1/issues/", headers={"if-none-match": several}).status_code == 304
    strong = etag.removeprefix("W/")
    assert client.get("/api/v1/issues/", headers={"if-none-match": strong}).status_code == 304
    assert client.get("/api/v1/issues/", headers={"if-none-match": '"stale"'}).status_code == 200


def test_an_update_through_the_services_changes_the_etag(client, record):
    path = "/api/v1/processes/ru-ua/"
    old = client.get(path)["ETag"]
    process = record["process"]
    process.name = "Russia–Ukraine peace talks, US-brokered"
    round_services.process_save(process, by=system_user())
    response = client.get(path, headers={"if-none-match": old})
    assert response.status_code == 200
    assert response.json()["name"] == "Russia–Ukraine peace talks, US-brokered"
    assert response["ETag"] != old


def test_a_write_elsewhere_changes_the_etag_too(client, record):
    old = client.get("/api/v1/status-matrix/?process=ru-ua")["ETag"]
    ProcessFactory()
    response = client.get("/api/v1/status-matrix/?process=ru-ua", headers={"if-none-match": old})
    assert response.status_code == 200


def test_a_delete_through_the_services_changes_the_etag(client, record):
    doomed = RoundFactory(process=record["process"], start_date=datetime.date(2026, 3, 1), end_date=None)
    old = client.get("/api/v1/rounds/")["ETag"]
    round_services.round_delete(doomed, by=system_user())
    response = client.get("/api/v1/rounds/", headers={"if-none-match": old})
    assert response.status_code == 200
    assert doomed.slug not in {row["slug"] for row in response.json()["results"]}
    assert response["ETag"] != old


def test_deleting_a_draft_changes_the_etag_of_the_drafts_list(client, editor, record):
    draft = IssueStatusFactory(issue=record["issue"], round=RoundFactory(process=record["process"]), status="agreed")
    client.force_login(editor)
    old = client.get("/api/v1/statuses/?include=drafts")["ETag"]
    issue_services.draft_delete(draft, by=editor)
    assert client.get("/api/v1/statuses/?include=drafts", headers={"if-none-match": old}).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_that_commits_after_a_newer_one_still_changes_the_etag(client):
    """Concurrent transactions commit out of order: a transaction takes an id, another
    takes a higher one and commits, a reader takes the ETag, and only then does the first
    commit. The highest id alone would miss it (SQLite has one writer at a time, so its ids
    come in the order of the commits)."""
    process = ProcessFactory(slug="late")
    fields = {"action": "update", "record_type": "rounds.process", "record_uuid": process.uuid}
    taken, go = threading.Event(), threading.Event()

    def late_writer():
        try:
            with transaction.atomic():
                Change.objects.create(record_version=8, **fields)
                taken.set()
                go.wait(10)
        finally:
            connections.close_all()  # this thread's own connection

    late = threading.Thread(target=late_writer)
    late.start()
    assert taken.wait(10)
    Change.objects.create(record_version=9, **fields)  # a higher id, committed at once
    old = client.get("/api/v1/processes/")["ETag"]
    assert client.get("/api/v1/processes/", headers={"if-none-match": old}).status_code == 304
    go.set()
    late.join(10)
    assert Change.objects.filter(record_version=8).get().id < Change.objects.filter(record_version=9).get().id
    assert client.get("/api/v1/processes/", headers={"if-none-match": old}).status_code == 200


def test_if_modified_since_answers_304_unless_something_changed_after_it(client, record):
    last_modified = client.get("/api/v1/issues/")["Last-Modified"]
    later = http_date(parse_http_date(last_modified) + 3600)
    earlier = http_date(parse_http_date(last_modified) - 1)
    assert client.get("/api/v1/issues/", headers={"if-modified-since": later}).status_code == 304
    assert client.get("/api/v1/issues/", headers={"if-modified-since": last_modified}).status_code == 304
    assert client.get("/api/v1/issues/", headers={"if-modified-since": earlier}).status_code == 200
    assert client.get("/api/v1/issues/", headers={"if-modified-since": "not a date"}).status_code == 200


def test_if_none_match_decides_over_if_modified_since(client, record):
    future = http_date(datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC).timestamp())
    headers = {"if-none-match": '"stale"', "if-modified-since": future}
    assert client.get("/api/v1/issues/", headers=headers).status_code == 200


def test_an_empty_change_log_reads_as_the_epoch(client):
    assert not Change.objects.exists()
    response = client.get("/api/v1/processes/")
    assert response["Last-Modified"] == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert client.get("/api/v1/processes/", headers={"if-none-match": response["ETag"]}).status_code == 304


def test_an_editors_drafts_never_share_the_public_etag(client, editor, record):
    path = "/api/v1/statuses/?include=drafts"
    public = client.get(path)["ETag"]
    client.force_login(editor)
    with_drafts = client.get(path)
    assert with_drafts["ETag"] != public
    assert client.get(path, headers={"if-none-match": public}).status_code == 200
    assert client.get(path, headers={"if-none-match": with_drafts["ETag"]}).status_code == 304


def test_the_browsable_api_and_json_have_different_etags(client, record):
    as_json = client.get("/api/v1/processes/")["ETag"]
    as_html = client.get("/api/v1/processes/", headers={"accept": "text/html"})
    assert as_html["Content-Type"].startswith("text/html")
    assert as_html["ETag"] != as_json


def test_api_answers_vary_by_cookie_and_authorization(client, record):
    for response in (client.get("/api/v1/issues/"), client.get("/api/v1/processes/no-such-process/")):
        vary = {value.strip().lower() for value in response["Vary"].split(",")}
        assert {"cookie", "authorization", "accept"} <= vary


def test_errors_carry_no_validators(client, record):
    assert "ETag" not in client.get("/api/v1/processes/no-such-process/")
    assert "ETag" not in client.get("/api/v1/status-matrix/")


# The anonymous rate limit


@pytest.fixture
def two_a_minute(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min"})


def test_anonymous_readers_over_the_rate_get_429_with_when_to_retry(client, record, two_a_minute):
    assert [client.get("/api/v1/processes/").status_code for _ in range(2)] == [200, 200]
    response = client.get("/api/v1/processes/")
    assert response.status_code == 429
    body = response.json()
    assert set(body) == {"detail", "retry_after"}
    assert "Too many requests" in body["detail"]
    assert 1 <= body["retry_after"] <= 60
    assert response["Retry-After"] == str(body["retry_after"])
    assert "ETag" not in response


def test_a_reader_cannot_escape_the_rate_by_writing_another_forwarded_address(client, record, two_a_minute):
    answers = [
        client.get("/api/v1/processes/", headers={"x-forwarded-for": f"203.0.113.{n}"}).status_code for n in range(3)
    ]
    assert answers == [200, 200, 429]


def test_conditional_reads_count_against_the_rate(client, record, two_a_minute):
    etag = client.get("/api/v1/issues/")["ETag"]
    assert client.get("/api/v1/issues/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/api/v1/issues/", headers={"if-none-match": etag}).status_code == 429


def test_signed_in_editors_are_not_held_to_the_anonymous_rate(client, editor, record, two_a_minute):
    client.force_login(editor)
    assert {client.get("/api/v1/processes/").status_code for _ in range(5)} == {200}


def test_the_rate_comes_from_the_environment(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from negotrack import settings

    monkeypatch.setenv("API_ANON_RATE", "30/min")
    assert settings._throttle_rate("API_ANON_RATE", "120/min") == "30/min"
    monkeypatch.delenv("API_ANON_RATE")
    assert settings._throttle_rate("API_ANON_RATE", "120/min") == "120/min"
    monkeypatch.setenv("API_ANON_RATE", "lots")
    with pytest.raises(ImproperlyConfigured, match="API_ANON_RATE"):
        settings._throttle_rate("API_ANON_RATE", "120/min")


def redis_cache(location: str, prefix: str) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_with_redis_every_web_process_counts_in_one_place(client, record, two_a_minute, settings):
    prefix = f"negotrack-test-{uuid.uuid4().hex}"
    settings.CACHES = redis_cache(os.environ["REDIS_URL"], prefix)
    redis = Redis.from_url(os.environ["REDIS_URL"])
    try:
        assert [client.get("/api/v1/processes/").status_code for _ in range(2)] == [200, 200]
        assert redis.keys(f"{prefix}:*"), "the count is kept in Redis"
        caches.close_all()  # what another web process would see: a fresh connection, the same count
        assert client.get("/api/v1/processes/").status_code == 429
    finally:
        for key in redis.scan_iter(f"{prefix}:*"):
            redis.delete(key)


def test_an_unreachable_rate_limit_cache_lets_reads_through(client, record, two_a_minute, settings, caplog):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0", "unreachable")
    assert {client.get("/api/v1/processes/").status_code for _ in range(3)} == {200}
    assert "rate limit skipped" in caplog.text
