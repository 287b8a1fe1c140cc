"""A correction on an issue's timeline stays with the record it corrects: in its round's
group on the issue page, however long after the round it was made."""

import datetime

import pytest

from issues import services
from issues.models import Issue
from issues.timelines import rebuild
from tests.factories import IssueFactory, IssueStatusFactory, ProcessFactory, RoundFactory, StatementFactory
from tests.pages import fragment, page, text

pytestmark = pytest.mark.django_db


def held(process, day):
    return RoundFactory(process=process, start_date=day, end_date=day)


def groups(client, issue: Issue) -> list[str]:
    """The text of each group of the issue page's timeline, in order."""
    timeline = fragment(page(client, f"/issues/{issue.slug}/"), "timeline")
    return [text(part) for part in timeline.split('<li class="timeline-group">')[1:]]


@pytest.mark.parametrize("action", ["correct", "withdraw"])
def test_a_correction_of_an_earlier_rounds_status_stays_in_that_rounds_group(client, reviewer, action):
    process = ProcessFactory()
    issue = IssueFactory(process=process)
    first, second = held(process, datetime.date(2026, 1, 10)), held(process, datetime.date(2026, 2, 10))
    status = IssueStatusFactory(issue=issue, round=first, status="discussed", publish=True)
    IssueStatusFactory(issue=issue, round=second, status="progress", publish=True)
    StatementFactory(process=process, round=second, date=second.start_date, issues=[issue], publish=True)
    if action == "correct":
        draft = services.correction_start(status, by=reviewer)
        draft.status = "raised"
        services.issue_status_save(draft, by=reviewer)
        services.draft_publish(draft, by=reviewer)
        notice = "Corrected on"
    else:
        services.record_withdraw(status, by=reviewer, note="Misread.", on_date=datetime.date(2026, 3, 1))
        notice = "Withdrawn on 1 Mar 2026: the status “discussed” Misread."
    rebuild.rebuild_issue(issue.pk, force=True)

    shown = groups(client, issue)
    assert len(shown) == 2, shown
    assert shown[0].startswith(str(first))
    assert notice in shown[0]
    assert shown[1].startswith(str(second))
    assert "correction" not in shown[1]
