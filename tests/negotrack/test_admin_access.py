"""Who reaches the admin, and who may publish from it."""

import pytest
from django.urls import reverse

from issues.models import IssueStatus
from tests.admin_forms import page_form_data, signed_in
from tests.factories import IssueStatusFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["admin:index", "admin:rounds_round_changelist", "admin:issues_statement_add"])
def test_an_anonymous_reader_is_sent_to_sign_in(client, path):
    response = client.get(reverse(path))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("persona", ["outsider", "analyst"])
def test_a_signed_in_user_outside_both_groups_cannot_reach_the_admin(request, persona):
    client = signed_in(request.getfixturevalue(persona))
    for path in ("admin:index", "admin:rounds_round_changelist", "admin:issues_statement_add"):
        response = client.get(reverse(path))
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), path


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_admins_reach_the_admin(request, persona):
    response = signed_in(request.getfixturevalue(persona)).get(reverse("admin:index"))
    assert response.status_code == 200
    assert b"Statements" in response.content


def test_only_reviewers_are_offered_the_publish_button(editor, reviewer):
    draft = IssueStatusFactory()
    change = reverse("admin:issues_issuestatus_change", args=[draft.pk])
    assert b'name="_publish"' not in signed_in(editor).get(change).content
    assert b'name="_publish"' in signed_in(reviewer).get(change).content


def test_an_editor_who_forces_a_publish_is_refused_and_nothing_is_saved(editor):
    draft = IssueStatusFactory(summary="before")
    client = signed_in(editor)
    change = reverse("admin:issues_issuestatus_change", args=[draft.pk])
    data = {**page_form_data(client.get(change)), "summary": "after", "_publish": "Save and publish"}
    response = client.post(change, data)
    assert response.status_code == 403
    draft.refresh_from_db()
    assert (draft.state, draft.summary, draft.version) == ("draft", "before", 1)


def test_a_published_record_offers_correction_and_withdrawal_not_editing(editor, reviewer):
    status = IssueStatusFactory(publish=True)
    change = reverse("admin:issues_issuestatus_change", args=[status.pk])
    editor_page = signed_in(editor).get(change).content.decode()
    reviewer_page = signed_in(reviewer).get(change).content.decode()
    assert "Start a correction" in editor_page and "Withdraw…" not in editor_page
    assert "Start a correction" in reviewer_page and "Withdraw…" in reviewer_page
    assert 'name="_save"' not in editor_page
    assert IssueStatus.objects.get(pk=status.pk).state == "published"
