"""When an edit's rebuild starts: at once for a lone edit, after GATHER_SECONDS for the rest
of a burst (edits that came in while a rebuild ran). The worker's own tests
(test_worker.py) show it end to end; here, the queue's decisions, against the real Redis."""

import pytest

from issues.models import TimelineState
from issues.timelines import tasks
from tests.factories import IssueFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def queued(monkeypatch):
    """The rebuilds handed to the broker, as (issue id, countdown); the slots freed after."""
    sent = []
    monkeypatch.setattr(tasks.rebuild_timeline, "apply_async",
                        lambda args, countdown, retry: sent.append((args[0], countdown)))  # fmt: skip
    yield sent
    tasks._redis().delete(*(tasks.QUEUED_KEY.format(issue_id) for issue_id, _ in sent), "unused")


def test_a_lone_edit_is_rebuilt_at_once_and_a_second_waits_for_the_slot(queued):
    issue = IssueFactory()
    assert tasks.enqueue_rebuild(issue.pk) is True
    assert tasks.enqueue_rebuild(issue.pk) is False  # the slot is taken until the rebuild is done
    assert queued == [(issue.pk, 0)]


def test_edits_that_came_in_while_a_rebuild_ran_get_one_more_after_the_gathering_wait(queued, monkeypatch):
    issue = IssueFactory()
    tasks.enqueue_rebuild(issue.pk)

    def rebuilt_while_edited(issue_id, unless_current):
        TimelineState.objects.update_or_create(issue_id=issue_id, defaults={"generation": 5, "built_generation": 4})

    monkeypatch.setattr(tasks.rebuild, "rebuild_issue", rebuilt_while_edited)
    tasks.rebuild_timeline.run(issue.pk)
    assert queued == [(issue.pk, 0), (issue.pk, tasks.GATHER_SECONDS)]


def test_a_rebuild_that_leaves_the_issue_current_frees_the_slot_for_the_next_edit(queued, monkeypatch):
    issue = IssueFactory()
    tasks.enqueue_rebuild(issue.pk)
    monkeypatch.setattr(tasks.rebuild, "rebuild_issue", lambda issue_id, unless_current: None)
    TimelineState.objects.filter(issue=issue).update(built_generation=999, generation=999)
    tasks.rebuild_timeline.run(issue.pk)
    assert tasks.enqueue_rebuild(issue.pk) is True
    assert queued == [(issue.pk, 0), (issue.pk, 0)]
