"""Admin lists and change pages run a fixed number of queries, however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin_forms import signed_in
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PersonFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "rounds_source": SourceFactory,
    "rounds_process": ProcessFactory,
    "rounds_round": RoundFactory,
    "rounds_session": SessionFactory,
    "delegations_party": PartyFactory,
    "delegations_person": PersonFactory,
    "delegations_delegation": DelegationFactory,
    "delegations_membership": MembershipFactory,
    "issues_issue": lambda: IssueStatusFactory(publish=True).issue,
    "issues_issuestatus": lambda: IssueStatusFactory(publish=True),
    "issues_position": lambda: PositionFactory(publish=True),
    "issues_agreement": AgreementFactory,
    "issues_statement": lambda: statement_with_an_issue(),
}


def statement_with_an_issue():
    issue = IssueFactory()
    return StatementFactory(process=issue.process, round__process=issue.process, issues=[issue])


def queries(client, path) -> int:
    client.get(path)  # the first request of a session does one-off work (the session, permissions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.mark.parametrize("name", FACTORIES)
def test_a_changelist_runs_as_many_queries_for_six_rows_as_for_two(editor, name):
    client = signed_in(editor)
    path = reverse(f"admin:{name}_changelist")
    make = FACTORIES[name]
    for _ in range(2):
        make()
    few = queries(client, path)
    for _ in range(4):
        make()
    assert queries(client, path) == few


def add_delegation_and_session(talk_round):
    DelegationFactory(round=talk_round, sources=[SourceFactory()])
    SessionFactory(round=talk_round)


def add_member(delegation):
    MembershipFactory(delegation=delegation, sources=[SourceFactory()])


def add_attendance(session):
    from delegations.models import Attendance
    from delegations.services import attendance_save
    from negotrack.groups import system_user

    delegation = DelegationFactory(round=session.round)
    attendance_save(Attendance(session=session, membership=MembershipFactory(delegation=delegation)), by=system_user())


@pytest.mark.parametrize(
    ("name", "make_parent", "add_row"),
    [
        ("rounds_round", RoundFactory, add_delegation_and_session),
        ("delegations_delegation", DelegationFactory, add_member),
        ("rounds_session", SessionFactory, add_attendance),
    ],
)
def test_a_change_page_runs_as_many_queries_for_six_inline_rows_as_for_two(editor, name, make_parent, add_row):
    parent = make_parent()
    client = signed_in(editor)
    path = reverse(f"admin:{name}_change", args=[parent.pk])
    for _ in range(2):
        add_row(parent)
    few = queries(client, path)
    for _ in range(4):
        add_row(parent)
    assert queries(client, path) == few
