import datetime

import pytest

from tests.factories import IssueFactory, IssueStatusFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_current_status_is_the_latest_by_effective_date_not_by_publication_time():
    issue = IssueFactory()
    later_round = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18)
    )
    earlier_round = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 4), end_date=datetime.date(2026, 2, 5)
    )
    later = IssueStatusFactory(issue=issue, round=later_round, status="near_agreement", publish=True)
    IssueStatusFactory(issue=issue, round=earlier_round, status="discussed", publish=True)
    issue.refresh_from_db()
    assert issue.current_status == later


def test_moving_a_round_moves_the_current_status_with_it(editor):
    issue = IssueFactory()
    first = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 4), end_date=datetime.date(2026, 2, 5)
    )
    second = RoundFactory(
        process=issue.process, start_date=datetime.date(2026, 2, 17), end_date=datetime.date(2026, 2, 18)
    )
    IssueStatusFactory(issue=issue, round=first, status="agreed", publish=True)
    IssueStatusFactory(issue=issue, round=second, status="stalled", publish=True)
    first.start_date, first.end_date = datetime.date(2026, 3, 1), datetime.date(2026, 3, 2)
    from rounds.services import round_save

    round_save(first, by=editor)
    issue.refresh_from_db()
    assert issue.current_status.status == "agreed"
    assert issue.current_status.effective_date == datetime.date(2026, 3, 2)
