"""The services check who writes: readers and outsiders are refused, whatever the interface."""

import pytest
from django.core.exceptions import PermissionDenied

from delegations.models import Party
from delegations.services import party_save
from issues.models import IssueStatus
from issues.services import draft_delete, draft_publish, issue_status_save
from negotrack.bulk import create_records
from negotrack.models import Change
from rounds.models import Source
from rounds.services import source_save
from tests.factories import IssueFactory, IssueStatusFactory, RoundFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["analyst", "outsider"])
def test_readers_and_outsiders_can_neither_add_change_nor_delete(request, persona):
    user = request.getfixturevalue(persona)
    source, draft = SourceFactory(), IssueStatusFactory()
    changes_before = Change.objects.count()
    with pytest.raises(PermissionDenied, match="may not add parties"):
        party_save(Party(name="Oman", slug="oman"), by=user)
    source.title = "changed"
    with pytest.raises(PermissionDenied, match="may not change sources"):
        source_save(source, by=user)
    with pytest.raises(PermissionDenied, match="may not delete issue statuses"):
        draft_delete(draft, by=user)
    with pytest.raises(PermissionDenied, match="may not add sources"):
        create_records(Source, [Source(outlet="Reuters")], by=user)
    assert Change.objects.count() == changes_before


def test_nobody_signed_in_cannot_write():
    with pytest.raises(PermissionDenied, match="Nobody signed in may not add sources"):
        source_save(Source(outlet="Reuters"), by=None)


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_write_drafts(request, persona):
    issue = IssueFactory()
    status = IssueStatus(issue=issue, round=RoundFactory(process=issue.process), status="raised")
    issue_status_save(status, by=request.getfixturevalue(persona), sources=[SourceFactory()])
    assert status.version == 1


def test_only_reviewers_and_admins_publish(editor, reviewer):
    draft = IssueStatusFactory()
    with pytest.raises(PermissionDenied):
        draft_publish(draft, by=editor)
    draft_publish(draft, by=reviewer)
    assert draft.state == "published"
