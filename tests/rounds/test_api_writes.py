"""Tools set up processes and sessions through the API, with the services' rules."""

import pytest

from rounds.models import Process
from tests.record_writes import NUL, WriteRouteTests, Writes, bad_cases, refusal

pytestmark = pytest.mark.django_db

PROCESSES = Writes(
    "processes",
    "slug",
    create=lambda s: {"slug": "ru-ua-istanbul", "name": "Russia–Ukraine direct talks (Istanbul)"},
    change=lambda s: (s.quiet_process, {"description": "Indirect, through Oman."}),
    shown=lambda s: (s.process, {"short_name": "RU–UA"}),
    bad=[
        (lambda s: {"slug": "ru-ua", "name": "Another"}, "slug", "already exists"),
        (lambda s: {"name": "US–Iran talks"}, "name", "already exists"),
        (lambda s: {"slug": "not a slug", "name": "Talks"}, "slug", 'valid "slug"'),
        (lambda s: {"name": NUL}, "detail", "NUL"),
        (lambda s: {"name": 7}, "name", "Not a valid string"),
    ],
)
SESSIONS = Writes(
    "sessions",
    "uuid",
    create=lambda s: {
        "round": s.istanbul.slug,
        "date": "2025-05-16",
        "track": "political",
        "start_time": "12:30:00",
        "time_zone": "Europe/Istanbul",
    },  # fmt: skip
    change=lambda s: (s.quiet_session, {"summary": "About two hours.", "track": "plenary"}),
    shown=lambda s: (s.shown_session, {"track": "military"}),
    bad=[
        (lambda s: {"round": "atlantis-2025-05-16", "date": "2025-05-16"}, "round", "No round has the slug"),
        (lambda s: {"round": s.istanbul.slug, "date": "9999-05-16"}, "date", "after 2099"),
        (lambda s: {"round": s.istanbul.slug, "date": "2025-05-20"}, "date", "within the round's dates"),
        (lambda s: {"round": s.istanbul.slug, "date": "2025-05-16", "start_time": "12:30"}, "time_zone", "time zone"),
        (lambda s: {"round": s.istanbul.slug, "date": "2025-05-16", "track": "dinner"}, "track", "valid choice"),
        (lambda s: {"round": s.istanbul.slug, "date": "2025-05-16", "summary": NUL}, "detail", "NUL"),
    ],
)


class TestProcessAndSessionWrites(WriteRouteTests):
    # Create: the token, its groups and permissions, the body's round; in a savepoint the
    # model's checks (unique fields, the round), the insert, its history and change-log
    # rows; the answer's read. A change adds the record's read, its row lock and whether
    # published records show it (four EXISTS for a process, one for a session's round).
    QUERIES = {"processes": (13, 19), "sessions": (16, 18)}

    @pytest.fixture(params=[PROCESSES, SESSIONS], ids=str)
    def writes(self, request):
        return request.param

    @pytest.fixture(params=bad_cases(PROCESSES, SESSIONS))
    def bad(self, request):
        return request.param


def test_a_process_without_a_slug_gets_one_from_its_name(scene, token_api, editor):
    response = token_api(editor).post("/api/v1/processes/", {"name": "Armenia–Azerbaijan talks"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "armeniaazerbaijan-talks"


def test_a_process_keeps_its_slug(scene, token_api, reviewer):
    client = token_api(reviewer)
    replaced = client.put("/api/v1/processes/us-iran/", {"name": "US–Iran nuclear talks"}, format="json")
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["slug"] == "us-iran"
    moved = client.patch("/api/v1/processes/us-iran/", {"slug": "iran-us"}, format="json")
    assert "fixed" in refusal(moved, "slug")
    assert Process.objects.filter(slug="us-iran").exists()


def test_a_session_at_a_round_without_dates_is_refused_until_it_has_them(scene, token_api, editor):
    client = token_api(editor)
    scheduled = client.post("/api/v1/rounds/", {"process": "ru-ua", "status": "scheduled"}, format="json").json()
    response = client.post("/api/v1/sessions/", {"round": scheduled["slug"], "date": "2025-06-02"}, format="json")
    assert "Give the round its dates" in refusal(response, "date")
