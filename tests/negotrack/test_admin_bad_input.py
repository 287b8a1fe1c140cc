"""Bad input in the admin: the message stands beside its field (the version's at the top),
and nothing is saved half-way."""

import pytest
from django.urls import reverse

from delegations.models import Delegation, Membership, MembershipRole
from issues.models import IssueStatus
from negotrack.models import Change
from rounds.models import Round, Source
from rounds.services import source_save
from tests.admin_forms import add_inline_row, inline_prefix, page_form_data, signed_in
from tests.factories import (
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    ProcessFactory,
    RoundFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def post_add(client, model, values, extra=None):
    add = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    page = client.get(add)
    data = {**page_form_data(page), **values}
    if extra:
        extra(page, data)
    return client.post(add, data)


def field_errors(response, field):
    return " ".join(response.context["adminform"].form.errors.get(field, []))


def test_a_round_that_ends_before_it_starts_is_refused_beside_its_end_date(editor):
    response = post_add(
        signed_in(editor),
        Round,
        {
            "process": ProcessFactory().pk,
            "city": "Geneva",
            "start_date": "2026-02-18",
            "end_date": "2026-02-17",
            "status": "concluded",
            "format": "trilateral",
        },
    )
    assert response.status_code == 200
    assert "cannot end (17 Feb 2026) before it starts (18 Feb 2026)" in field_errors(response, "end_date")
    assert not Round.objects.exists()


def test_a_round_with_one_bad_inline_row_saves_nothing_at_all(editor):
    process = ProcessFactory()
    changes_before = Change.objects.count()

    def inline(page, data):
        add_inline_row(data, inline_prefix(page, "session"), {"date": "2026-03-01", "track": "plenary"})

    response = post_add(
        signed_in(editor),
        Round,
        {
            "process": process.pk,
            "city": "Geneva",
            "start_date": "2026-02-17",
            "end_date": "2026-02-18",
            "status": "concluded",
            "format": "trilateral",
        },
        extra=inline,
    )
    assert response.status_code == 200
    session_errors = response.context["inline_admin_formsets"][0].formset.forms[0].errors
    assert "within the round's dates" in " ".join(session_errors["date"])
    assert not Round.objects.exists()
    assert Change.objects.count() == changes_before


def test_a_duplicate_delegation_is_refused_beside_its_party(editor):
    existing = DelegationFactory()
    response = post_add(
        signed_in(editor), Delegation, {"round": existing.round.pk, "party": existing.party.pk, "roles": ["mediator"]}
    )
    assert response.status_code == 200
    assert "already has a delegation at this round" in field_errors(response, "party")
    assert Delegation.objects.count() == 1


def test_a_delegation_without_a_role_is_refused_beside_its_roles(editor):
    talk_round, party = RoundFactory(), PartyFactory()
    response = post_add(signed_in(editor), Delegation, {"round": talk_round.pk, "party": party.pk, "roles": []})
    assert response.status_code == 200
    assert "Give the party at least one role at the round." in field_errors(response, "roles")
    assert not Delegation.objects.exists()


def test_a_second_chair_of_a_round_is_refused_beside_the_role(editor):
    chair = MembershipFactory(role=MembershipRole.CHAIR, person__name="Abdullah bin Zayed")
    other = DelegationFactory(round=chair.delegation.round)
    response = post_add(
        signed_in(editor), Membership, {"delegation": other.pk, "person": PersonFactory().pk, "role": "chair"}
    )
    assert response.status_code == 200
    assert "Abdullah bin Zayed" in field_errors(response, "role")
    assert "a round has one chair" in field_errors(response, "role")
    assert Membership.objects.count() == 1


def test_a_duplicate_delegation_in_the_round_inline_is_refused(editor):
    existing = DelegationFactory()
    talk_round = existing.round
    client = signed_in(editor)
    change = reverse("admin:rounds_round_change", args=[talk_round.pk])
    page = client.get(change)
    data = add_inline_row(page_form_data(page), "delegations", {"party": existing.party.pk, "roles": ["observer"]})
    response = client.post(change, data)
    assert response.status_code == 200
    assert "Please correct the duplicate" in response.content.decode() or "already" in response.content.decode()
    assert Delegation.objects.count() == 1


def test_publishing_a_status_without_a_source_is_refused_beside_its_sources(reviewer):
    issue = IssueFactory()
    response = post_add(
        signed_in(reviewer),
        IssueStatus,
        {
            "issue": issue.pk,
            "round": RoundFactory(process=issue.process).pk,
            "status": "stalled",
            "_publish": "Save and publish",
        },
    )
    assert response.status_code == 200
    assert "Cite at least one source" in field_errors(response, "sources")
    assert not IssueStatus.objects.exists()


def test_a_second_published_status_for_one_issue_and_round_is_refused_beside_its_round(reviewer):
    first = IssueStatusFactory(publish=True)
    response = post_add(
        signed_in(reviewer),
        IssueStatus,
        {
            "issue": first.issue.pk,
            "round": first.round.pk,
            "status": "agreed",
            "sources": [SourceFactory().pk],
            "_publish": "Save and publish",
        },
    )
    assert response.status_code == 200
    assert "already has a published status for this round" in field_errors(response, "round")
    assert IssueStatus.objects.count() == 1


def test_an_unknown_status_is_refused_beside_its_field(editor):
    issue = IssueFactory()
    response = post_add(
        signed_in(editor),
        IssueStatus,
        {"issue": issue.pk, "round": RoundFactory(process=issue.process).pk, "status": "victory"},
    )
    assert response.status_code == 200
    assert "victory is not one of the available choices" in field_errors(response, "status")
    assert not IssueStatus.objects.exists()


def test_a_save_over_a_version_that_changed_meanwhile_is_refused_at_the_top(editor, reviewer):
    source = SourceFactory(title="first")
    change = reverse("admin:rounds_source_change", args=[source.pk])
    client = signed_in(editor)
    stale_form = {**page_form_data(client.get(change)), "title": "mine"}

    theirs = Source.objects.get(pk=source.pk)
    theirs.title = "theirs"
    source_save(theirs, by=reviewer)

    response = client.post(change, stale_form)
    assert response.status_code == 200
    top = " ".join(response.context["adminform"].form.non_field_errors())
    assert "changed by someone else" in top and "version 1" in top and "version 2" in top
    source.refresh_from_db()
    assert (source.title, source.version) == ("theirs", 2)
