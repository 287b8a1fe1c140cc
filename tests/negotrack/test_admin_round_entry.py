"""The editor's evening after a round, in the admin: enter it, draft what was said and
where an issue stands; then a reviewer publishes."""

import pytest
from django.urls import reverse

from delegations.models import Membership
from issues.models import IssueStatus, Statement
from rounds.models import Round
from tests.admin_forms import add_inline_row, inline_prefix, page_form_data, signed_in
from tests.factories import IssueFactory, PartyFactory, PersonFactory, SourceFactory

pytestmark = pytest.mark.django_db


def save_form(client, path, values, extra=None):
    page = client.get(path)
    assert page.status_code == 200
    data = {**page_form_data(page), **values}
    if extra:
        extra(page, data)
    response = client.post(path, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def test_an_editor_enters_a_round_and_drafts_and_a_reviewer_publishes(editor, reviewer):
    issue = IssueFactory(name="Ceasefire monitoring")
    ukraine, umerov, source = PartyFactory(name="Ukraine"), PersonFactory(name="Rustem Umerov"), SourceFactory()
    editing, reviewing = signed_in(editor), signed_in(reviewer)

    def session_and_delegation(page, data):
        add_inline_row(data, inline_prefix(page, "session"), {"date": "2026-02-17", "track": "political"})
        add_inline_row(data, inline_prefix(page, "delegation"), {"party": ukraine.pk, "roles": ["negotiating_party"]})

    save_form(
        editing,
        reverse("admin:rounds_round_add"),
        {
            "process": issue.process.pk,
            "city": "Geneva",
            "country": "Switzerland",
            "venue": "InterContinental Hotel",
            "start_date": "2026-02-17",
            "end_date": "2026-02-18",
            "status": "concluded",
            "format": "trilateral",
            "sources": [source.pk],
        },
        session_and_delegation,
    )
    talk_round = Round.objects.get()
    delegation = talk_round.delegations.get()
    save_form(
        editing,
        reverse("admin:delegations_delegation_change", args=[delegation.pk]),
        {},
        lambda page, data: add_inline_row(
            data,
            inline_prefix(page, "membership"),
            {"person": umerov.pk, "role": "head", "title": "secretary of the National Security and Defense Council"},
        ),
    )
    save_form(
        editing,
        reverse("admin:issues_statement_add"),
        {
            "process": issue.process.pk,
            "round": talk_round.pk,
            "session": talk_round.sessions.get().pk,
            "speaker": umerov.pk,
            "party": ukraine.pk,
            "date": "2026-02-18",
            "date_precision": "day",
            "medium": "press_remarks",
            "kind": "quote",
            "language": "en",
            "text": "There is progress, but no details can be disclosed at this stage.",
            "agenda_issues": [issue.pk],
            "sources": [source.pk],
        },
    )
    save_form(
        editing,
        reverse("admin:issues_issuestatus_add"),
        {"issue": issue.pk, "round": talk_round.pk, "status": "near_agreement", "sources": [source.pk]},
    )
    statement, status = Statement.objects.get(), IssueStatus.objects.get()
    assert (statement.state, status.state) == ("draft", "draft")
    assert Membership.objects.get().person == umerov

    for record in (statement, status):
        change = reverse(f"admin:issues_{record._meta.model_name}_change", args=[record.pk])
        save_form(reviewing, change, {"_publish": "Save and publish"})
        record.refresh_from_db()
        assert (record.state, record.published_by) == ("published", reviewer)
    issue.refresh_from_db()
    assert issue.current_status == status
    assert list(statement.issues.all()) == [issue]


def test_the_admin_asks_to_confirm_a_party_the_speaker_never_sat_for(editor):
    issue, russia, fidan = IssueFactory(), PartyFactory(name="Russia"), PersonFactory(name="Hakan Fidan")
    editing = signed_in(editor)
    path = reverse("admin:issues_statement_add")
    values = {
        "process": issue.process.pk,
        "speaker": fidan.pk,
        "party": russia.pk,
        "date": "2026-02-18",
        "date_precision": "day",
        "medium": "press_remarks",
        "kind": "quote",
        "language": "en",
        "text": "We are ready to host the next round.",
    }
    data = {**page_form_data(editing.get(path)), **values}

    refused = editing.post(path, data)

    assert refused.status_code == 200
    assert "Hakan Fidan never sat in a delegation of Russia" in " ".join(
        refused.context["adminform"].form.errors["party"]
    )
    assert not Statement.objects.exists()
    assert editing.post(path, {**data, "confirm_party": "on"}).status_code == 302
    assert Statement.objects.get().party == russia
