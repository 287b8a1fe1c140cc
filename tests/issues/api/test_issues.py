"""issues/, issues/{slug}/ and issues/{slug}/status/?as_of=: current status and positions."""

import datetime

import pytest

from issues import services
from tests.factories import (
    IssueFactory,
    IssueStatusFactory,
    PartyFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


def test_an_issue_shows_its_current_status_with_the_round_it_came_from(client):
    issue = IssueFactory()
    talk_round = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18)
    )
    IssueStatusFactory(issue=issue, round=talk_round, status="progress", summary="Movement.", publish=True)
    body = client.get(f"/api/v1/issues/{issue.slug}/").json()
    current = body["current_status"]
    assert (current["status"], current["summary"], current["effective_date"]) == ("progress", "Movement.", "2026-02-18")
    assert current["definition"].startswith("Negotiated, with movement")
    assert current["round"]["slug"] == talk_round.slug
    assert current["round"]["end_date"] == "2026-02-18"
    assert {"uuid", "version", "created_at", "updated_at"} <= set(body)


def test_a_status_between_rounds_shows_its_date_and_no_round(client):
    issue = IssueFactory()
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 2), status="stalled", publish=True)
    current = client.get(f"/api/v1/issues/{issue.slug}/").json()["current_status"]
    assert (current["round"], current["date"], current["status"]) == (None, "2026-03-02", "stalled")


def test_an_issue_shows_each_partys_latest_published_position(client):
    issue = IssueFactory()
    party = PartyFactory()
    early = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 1, 5), end_date=datetime.date(2026, 1, 6)
    )
    late = RoundFactory(process=issue.process)
    PositionFactory(issue=issue, party=party, round=early, stance="old stance", publish=True)
    PositionFactory(issue=issue, party=party, round=late, stance="new stance", publish=True)
    PositionFactory(issue=issue, party=party, round=late, stance="draft stance")
    [position] = client.get(f"/api/v1/issues/{issue.slug}/").json()["positions"]
    assert position["party"] == {"slug": party.slug, "name": party.name}
    assert (position["stance"], position["round"]) == ("new stance", late.slug)


def test_a_draft_status_never_becomes_the_current_status(client, editor):
    issue = IssueFactory()
    IssueStatusFactory(issue=issue, round__process=issue.process, status="agreed")
    client.force_login(editor)
    body = client.get(f"/api/v1/issues/{issue.slug}/?include=drafts").json()
    assert body["current_status"] is None
    assert body["positions"] == []


def test_issues_filter_by_process(client):
    issue = IssueFactory()
    IssueFactory()
    body = client.get(f"/api/v1/issues/?process={issue.process.slug}").json()
    assert [item["slug"] for item in body["results"]] == [issue.slug]
    assert client.get("/api/v1/issues/?process=nope").status_code == 400


def test_an_unknown_issue_answers_404_in_json(client):
    for path in ("/api/v1/issues/nope/", "/api/v1/issues/nope/status/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["detail"]


@pytest.fixture
def assessed_issue():
    """Progress from 18 Feb 2026 (a round), stalled from 2 Mar (between rounds), a draft from 5 Mar."""
    issue = IssueFactory()
    talk_round = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18)
    )
    IssueStatusFactory(issue=issue, round=talk_round, status="progress", publish=True)
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 2), status="stalled", publish=True)
    IssueStatusFactory(issue=issue, round=None, date=datetime.date(2026, 3, 5), status="agreed")
    issue.assessed_round = talk_round
    return issue


def status_on(client, issue, day):
    response = client.get(f"/api/v1/issues/{issue.slug}/status/?as_of={day}")
    assert response.status_code == 200, response.content
    return response.json()


def test_as_of_answers_not_discussed_before_the_first_assessment(client, assessed_issue):
    answer = status_on(client, assessed_issue, "2026-02-17")
    assert (answer["status"], answer["round"], answer["as_of"]) == ("not_discussed", None, "2026-02-17")


def test_as_of_answers_the_status_that_held_that_day_and_its_round(client, assessed_issue):
    answer = status_on(client, assessed_issue, "2026-02-18")
    assert (answer["status"], answer["round"]["slug"]) == ("progress", assessed_issue.assessed_round.slug)
    answer = status_on(client, assessed_issue, "2026-03-04")
    assert (answer["status"], answer["round"], answer["date"]) == ("stalled", None, "2026-03-02")


def test_as_of_ignores_drafts_even_for_editors(client, editor, assessed_issue):
    client.force_login(editor)
    assert status_on(client, assessed_issue, "2026-03-06")["status"] == "stalled"


def test_as_of_ignores_a_withdrawn_status(client, reviewer, assessed_issue):
    stalled = assessed_issue.statuses.get(status="stalled")
    services.record_withdraw(stalled, by=reviewer, note="Misreported.")
    assert status_on(client, assessed_issue, "2026-03-04")["status"] == "progress"


def test_as_of_defaults_to_today(client, assessed_issue):
    answer = client.get(f"/api/v1/issues/{assessed_issue.slug}/status/").json()
    assert answer["as_of"] == datetime.date.today().isoformat()
    assert answer["status"] == "stalled"


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", "18.02.2026"])
def test_a_malformed_as_of_answers_400_naming_it(client, value):
    issue = IssueFactory()
    response = client.get(f"/api/v1/issues/{issue.slug}/status/?as_of={value}")
    assert response.status_code == 400
    assert "as_of" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_an_issues_status_on_a_day_is_read_only_and_the_issue_is_not_deleted_here(client, editor, method):
    """Editors create and change agenda issues through the API (test_setup_writes.py);
    deleting stays in the admin."""
    issue = IssueFactory()
    client.force_login(editor)
    assert client.delete("/api/v1/issues/").status_code == 405
    assert client.delete(f"/api/v1/issues/{issue.slug}/").status_code == 405
    assert getattr(client, method)(f"/api/v1/issues/{issue.slug}/status/").status_code == 405


def test_the_process_filter_and_the_list_answer_for_a_process_without_issues(client):
    process = ProcessFactory()
    assert client.get(f"/api/v1/issues/?process={process.slug}").json()["results"] == []
