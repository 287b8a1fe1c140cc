"""How a process page says "raised since Abu Dhabi": it names where each issue's current status was
first reached, the first round of the latest unbroken run at that status."""

import datetime

import pytest

from issues.pages.views.overview import start_of_latest_run
from tests.factories import IssueFactory, IssueStatusFactory, ProcessFactory, RoundFactory
from tests.pages import page, text


@pytest.mark.parametrize(
    ("assessments", "since"),
    [
        ([], None),
        ([("raised", "Geneva")], "Geneva"),
        ([("raised", "Abu Dhabi"), ("raised", "Geneva")], "Abu Dhabi"),
        ([("raised", "Istanbul 2025"), ("raised", "Abu Dhabi"), ("raised", "Geneva")], "Istanbul 2025"),
        ([("discussed", "Abu Dhabi"), ("raised", "Geneva")], "Geneva"),
        ([("raised", "Istanbul"), ("stalled", "Abu Dhabi"), ("raised", "Geneva")], "Geneva"),
        ([("raised", "Istanbul"), ("stalled", "Abu Dhabi"), ("raised", "Geneva"), ("raised", "Riyadh")], "Geneva"),
        ([("raised", "Istanbul"), ("raised", "Abu Dhabi"), ("progress", "Geneva")], "Geneva"),
    ],
)
def test_the_run_starts_where_the_current_status_was_last_reached(assessments, since):
    assert start_of_latest_run(assessments) == since


@pytest.mark.django_db
def test_a_round_added_before_the_others_at_the_same_status_is_named(client):
    process = ProcessFactory()
    issue = IssueFactory(process=process, name="Leaders' meeting")
    rounds = {
        city: RoundFactory(process=process, city=city, start_date=day, end_date=day)
        for city, day in [
            ("Abu Dhabi", datetime.date(2026, 1, 23)),
            ("Geneva", datetime.date(2026, 2, 17)),
            ("Istanbul", datetime.date(2025, 5, 16)),  # entered last, held first
        ]
    }
    for city in ["Abu Dhabi", "Geneva", "Istanbul"]:
        IssueStatusFactory(issue=issue, round=rounds[city], status="raised", publish=True)

    shown = text(page(client, f"/processes/{process.slug}/"))
    assert "Leaders' meeting raised since Istanbul, 16 May 2025" in shown
