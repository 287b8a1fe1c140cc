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


def test_moving_a_round_moves_the_current_status_with_it(reviewer):
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

    round_save(first, by=reviewer)  # an editor's change would wait for review
    issue.refresh_from_db()
    assert issue.current_status.status == "agreed"
    assert issue.current_status.effective_date == datetime.date(2026, 3, 2)


def test_a_round_with_assessments_cannot_lose_its_dates(editor):
    from django.core.exceptions import ValidationError

    from rounds.models import Round
    from rounds.services import round_save

    status = IssueStatusFactory(publish=True)
    talk_round = Round.objects.get(pk=status.round_id)
    talk_round.start_date = talk_round.end_date = None
    talk_round.status = Round.Status.SCHEDULED
    with pytest.raises(ValidationError) as refused:
        round_save(talk_round, by=editor)
    assert "keeps its dates" in refused.value.message_dict["start_date"][0]
    status.refresh_from_db()
    assert status.effective_date is not None
