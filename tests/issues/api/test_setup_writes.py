"""Tools set up rounds and agenda issues through the API: the services make a round's slug
and an issue's, and the same rules hold as in the admin."""

import pytest

from issues.models import Issue
from tests.record_writes import NUL, WriteRouteTests, Writes, bad_cases, refusal

pytestmark = pytest.mark.django_db

ROUNDS = Writes(
    "rounds",
    "slug",
    create=lambda s: {"process": "ru-ua", "city": "Istanbul", "country": "Turkey", "venue": "Çırağan Palace",
                      "start_date": "2025-06-02", "format": "trilateral", "status": "concluded"},  # fmt: skip
    change=lambda s: (s.istanbul, {"venue": "Dolmabahçe Palace", "outcome": "A 1,000-for-1,000 exchange."}),
    shown=lambda s: (s.geneva, {"venue": "InterContinental Hotel"}),
    bad=[
        (lambda s: {"process": "atlantis", "city": "Istanbul"}, "process", "No process has the slug"),
        (lambda s: {"process": "ru-ua", "start_date": "9999-05-16"}, "start_date", "after 2099"),
        (lambda s: {"process": "ru-ua", "start_date": "2025-05-16", "end_date": "2025-05-15"}, "end_date",
         "cannot end"),
        (lambda s: {"process": "ru-ua", "status": "concluded"}, "start_date", "needs its first day"),
        (lambda s: {"process": "ru-ua", "format": "picnic"}, "format", "valid choice"),
        (lambda s: {"process": "ru-ua", "ordinal": "3"}, "ordinal", "valid integer"),
        (lambda s: {"process": "ru-ua", "summary": NUL}, "detail", "NUL"),
    ],
)  # fmt: skip
ISSUES = Writes(
    "issues",
    "slug",
    create=lambda s: {"process": "ru-ua", "topic": "prisoner-exchange", "name": "Prisoner exchange"},
    change=lambda s: (s.quiet_issue, {"name": "Energy", "sort_order": 4}),
    shown=lambda s: (s.shown_issue, {"description": "Where the line runs."}),
    bad=[
        (lambda s: {"process": "atlantis", "topic": "x", "name": "X"}, "process", "No process has the slug"),
        (lambda s: {"process": "ru-ua", "topic": "territory", "name": "Again"}, "topic", "already has"),
        (lambda s: {"process": "ru-ua", "topic": "not a slug", "name": "X"}, "topic", "valid"),
        (lambda s: {"topic": "x", "name": "X"}, "process", "cannot be null"),
        (lambda s: {"process": "ru-ua", "topic": "x", "name": NUL}, "detail", "NUL"),
    ],
)


class TestRoundAndIssueWrites(WriteRouteTests):
    # Create: the token, its groups and permissions, the body's references; in a savepoint
    # the slug (is it taken?), the model's checks, the insert, its history and change-log
    # rows; the answer's read. A change adds the record's read, its row lock and whether
    # published records show it; a round's dates also move what was assessed there.
    QUERIES = {"rounds": (28, 32), "issues": (21, 25)}

    @pytest.fixture(params=[ROUNDS, ISSUES], ids=str)
    def writes(self, request):
        return request.param

    @pytest.fixture(params=bad_cases(ROUNDS, ISSUES))
    def bad(self, request):
        return request.param


def test_the_services_make_a_rounds_slug_and_ignore_one_sent(scene, token_api, editor):
    client = token_api(editor)
    body = {"process": "us-iran", "city": "Istanbul", "start_date": "2025-05-16", "slug": "my-own"}
    response = client.post("/api/v1/rounds/", body, format="json")
    assert response.status_code == 201, response.content
    # Another process met in Istanbul that day: the process goes in front.
    assert response.json()["slug"] == "us-iran-istanbul-2025-05-16"
    scheduled = client.post("/api/v1/rounds/", {"process": "us-iran", "status": "scheduled"}, format="json").json()
    assert scheduled["slug"].startswith("us-iran-scheduled-")
    dated = client.patch(f"/api/v1/rounds/{scheduled['slug']}/", {"city": "Muscat", "start_date": "2025-04-12"},
                         format="json")  # fmt: skip
    assert dated.json()["slug"] == "muscat-2025-04-12"


def test_a_round_lies_ahead_only_while_it_is_not_concluded(scene, token_api, editor):
    body = {"process": "ru-ua", "start_date": "2099-01-02", "status": "concluded"}
    response = token_api(editor).post("/api/v1/rounds/", body, format="json")
    assert "has not started yet" in refusal(response, "status")
    assert token_api(editor).post("/api/v1/rounds/", {**body, "status": "scheduled"}, format="json").status_code == 201


def test_an_agenda_issues_slug_is_its_process_and_topic_which_stay(scene, token_api, reviewer):
    client = token_api(reviewer)
    made = client.post("/api/v1/issues/", ISSUES.create(scene), format="json").json()
    assert made["slug"] == "ru-ua-prisoner-exchange"
    url = f"/api/v1/issues/{made['slug']}/"
    assert "keeps the topic" in refusal(client.patch(url, {"topic": "pows"}, format="json"), "topic")
    assert "keeps the process" in refusal(client.patch(url, {"process": "us-iran"}, format="json"), "process")
    replaced = client.put(url, {"name": "Exchange of prisoners of war"}, format="json")
    assert replaced.status_code == 200, replaced.content
    assert (replaced.json()["process"], replaced.json()["topic"]) == ("ru-ua", "prisoner-exchange")
    assert Issue.objects.filter(slug="ru-ua-prisoner-exchange").count() == 1
