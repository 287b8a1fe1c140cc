"""The read API of the rounds app: processes, sessions and sources."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from rounds.models import Session
from tests.factories import ProcessFactory, RoundFactory, SessionFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def queries_for(api, url):
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200
    return len(queries)


# Processes


def test_a_process_reads_by_its_slug_with_the_record_fields(api):
    process = ProcessFactory(slug="russia-ukraine", name="Russia–Ukraine peace talks", short_name="RU–UA")
    body = api.get("/api/v1/processes/russia-ukraine/").json()
    assert body["slug"] == "russia-ukraine"
    assert body["name"] == "Russia–Ukraine peace talks"
    assert body["short_name"] == "RU–UA"
    assert body["uuid"] == str(process.uuid)
    assert body["version"] == process.version
    assert {"created_at", "updated_at", "description"} <= body.keys()


def test_processes_list_in_pages(api):
    ProcessFactory.create_batch(3)
    body = api.get("/api/v1/processes/").json()
    assert body["count"] == 3
    assert body["next"] is None and body["previous"] is None
    assert len(body["results"]) == 3


def test_an_unknown_process_slug_answers_404_json(api):
    response = api.get("/api/v1/processes/no-such-process/")
    assert response.status_code == 404
    assert "detail" in response.json()


# Sessions


def test_a_session_reads_by_uuid_with_its_round_slug_and_iso_dates(api):
    session = SessionFactory(
        start_time=datetime.time(10, 30), time_zone="Europe/Zurich", track=Session.Track.MILITARY, summary="Maps."
    )
    body = api.get(f"/api/v1/sessions/{session.uuid}/").json()
    assert body["uuid"] == str(session.uuid)
    assert body["round"] == session.round.slug
    assert body["date"] == session.date.isoformat()
    assert body["start_time"] == "10:30:00"
    assert body["end_time"] is None
    assert body["time_zone"] == "Europe/Zurich"
    assert body["track"] == "military"
    assert {"version", "created_at", "updated_at", "summary"} <= body.keys()


def test_sessions_filter_by_round_slug(api):
    wanted = SessionFactory()
    SessionFactory()
    body = api.get("/api/v1/sessions/", {"round": wanted.round.slug}).json()
    assert [row["uuid"] for row in body["results"]] == [str(wanted.uuid)]


def test_sessions_filter_by_track(api):
    talk_round = RoundFactory()
    military = SessionFactory(round=talk_round, track=Session.Track.MILITARY)
    SessionFactory(round=talk_round, track=Session.Track.PLENARY)
    body = api.get("/api/v1/sessions/", {"track": "military"}).json()
    assert [row["uuid"] for row in body["results"]] == [str(military.uuid)]


def test_an_unknown_round_slug_in_the_session_filter_answers_400_naming_the_filter(api):
    response = api.get("/api/v1/sessions/", {"round": "no-such-round"})
    assert response.status_code == 400
    assert "round" in response.json()


def test_an_unknown_track_answers_400_naming_the_filter(api):
    response = api.get("/api/v1/sessions/", {"track": "dancing"})
    assert response.status_code == 400
    assert "track" in response.json()


def test_an_unknown_session_uuid_answers_404_json(api):
    response = api.get(f"/api/v1/sessions/{uuid.uuid4()}/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_a_malformed_session_uuid_answers_404_not_500(api):
    response = api.get("/api/v1/sessions/not-a-uuid/")
    assert response.status_code == 404
    assert "detail" in response.json()


# Sources


def test_a_source_reads_with_the_uuid_of_the_outlet_it_came_through(api):
    original = SourceFactory(outlet="TASS")
    relayed = SourceFactory(outlet="Reuters", url="https://example.org/report", via=original)
    body = api.get(f"/api/v1/sources/{relayed.uuid}/").json()
    assert body["outlet"] == "Reuters"
    assert body["url"] == "https://example.org/report"
    assert body["published_on"] == "2026-02-18"
    assert body["via"] == str(original.uuid)
    assert {"uuid", "version", "created_at", "updated_at", "title"} <= body.keys()
    assert api.get(f"/api/v1/sources/{original.uuid}/").json()["via"] is None


def test_sources_filter_by_outlet_in_any_case(api):
    wanted = SourceFactory(outlet="The Moscow Times")
    SourceFactory(outlet="Kyiv Independent")
    body = api.get("/api/v1/sources/", {"outlet": "moscow"}).json()
    assert [row["uuid"] for row in body["results"]] == [str(wanted.uuid)]


def test_a_malformed_source_uuid_answers_404_not_500(api):
    assert api.get("/api/v1/sources/12345/").status_code == 404


# What every route shares


@pytest.mark.parametrize("path", ["processes", "sessions"])
def test_deleting_answers_405_to_anyone(api, editor, path):
    """Editors create and change these through the API (tests/rounds/test_api_writes.py);
    deleting stays in the admin."""
    record = {"processes": ProcessFactory, "sessions": SessionFactory}[path]()
    key = record.slug if path == "processes" else record.uuid
    for who in (None, editor):
        api.force_authenticate(who)
        assert api.delete(f"/api/v1/{path}/").status_code == 405
        assert api.delete(f"/api/v1/{path}/{key}/").status_code == 405


def test_a_page_holds_at_most_200_rows_and_a_bigger_page_size_answers_400(api):
    SourceFactory.create_batch(201)
    body = api.get("/api/v1/sources/", {"page_size": 200}).json()
    assert body["count"] == 201
    assert len(body["results"]) == 200
    assert body["next"] is not None
    response = api.get("/api/v1/sources/", {"page_size": 1000})
    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_a_page_past_the_end_answers_404_json(api):
    SourceFactory()
    response = api.get("/api/v1/sources/", {"page": 2})
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("path", "make_one"),
    [
        ("processes", lambda: ProcessFactory()),
        ("sessions", lambda: SessionFactory()),
        ("sources", lambda: SourceFactory(via=SourceFactory())),
    ],
)
def test_a_list_runs_the_same_number_of_queries_for_5_rows_as_for_50(api, path, make_one):
    for _ in range(5):
        make_one()
    with_5 = queries_for(api, f"/api/v1/{path}/")
    for _ in range(45):
        make_one()
    assert queries_for(api, f"/api/v1/{path}/") == with_5


def test_reports_of_one_outlet_on_one_day_keep_one_order_by_when_they_were_entered(api):
    """The newest first, then by outlet; ties in the order they were entered, read after read."""
    day = datetime.date(2026, 2, 18)
    entered = [SourceFactory(outlet="Reuters", published_on=day, title=f"Report {n}") for n in range(6)]
    SourceFactory(outlet="AP", published_on=day, title="Earlier in the alphabet")
    SourceFactory(outlet="Reuters", published_on=day + datetime.timedelta(days=1), title="The day after")
    titles = [source["title"] for source in api.get("/api/v1/sources/").json()["results"]]
    assert titles == ["The day after", "Earlier in the alphabet", *(source.title for source in entered)]
