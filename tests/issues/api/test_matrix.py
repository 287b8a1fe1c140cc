"""status-matrix/?process=: rounds × agenda issues, one published status per cell."""

import datetime

import pytest

from tests.factories import IssueFactory, IssueStatusFactory, ProcessFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_the_matrix_has_a_cell_per_round_and_issue_with_null_where_not_assessed(client):
    process = ProcessFactory()
    late = RoundFactory(process=process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18))
    early = RoundFactory(process=process, start_date=datetime.date(2026, 1, 5), end_date=datetime.date(2026, 1, 6))
    territory, monitoring = IssueFactory(process=process, sort_order=1), IssueFactory(process=process, sort_order=2)
    IssueStatusFactory(issue=territory, round=early, status="raised", publish=True)
    IssueStatusFactory(issue=territory, round=late, status="deadlocked", publish=True)
    IssueStatusFactory(issue=monitoring, round=late, status="agreed")  # a draft: never in the matrix
    IssueStatusFactory(issue=IssueFactory(), status="progress", publish=True)  # another process
    body = client.get(f"/api/v1/status-matrix/?process={process.slug}").json()
    assert [issue["slug"] for issue in body["issues"]] == [territory.slug, monitoring.slug]
    assert [(row["slug"], row["statuses"]) for row in body["rounds"]] == [
        (early.slug, {territory.slug: "raised", monitoring.slug: None}),
        (late.slug, {territory.slug: "deadlocked", monitoring.slug: None}),
    ]


def test_editors_asking_for_drafts_still_get_only_published_cells(client, editor):
    status = IssueStatusFactory(status="agreed")
    client.force_login(editor)
    body = client.get(f"/api/v1/status-matrix/?process={status.issue.process.slug}&include=drafts").json()
    assert body["rounds"][0]["statuses"] == {status.issue.slug: None}


@pytest.mark.parametrize("query", ["", "?process=", "?process=no-such-process"])
def test_the_matrix_needs_a_known_process(client, query):
    response = client.get(f"/api/v1/status-matrix/{query}")
    assert response.status_code == 400
    assert "process" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_matrix_is_read_only(client, editor, method):
    client.force_login(editor)
    assert getattr(client, method)("/api/v1/status-matrix/").status_code == 405
