"""Every list, the round detail and the matrix run as many queries for 50 rows as for 5."""

import datetime

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from delegations.models import DelegationRole, MembershipRole
from negotrack.groups import EDITORS
from tests.conftest import _user
from tests.factories import (
    AgreementFactory,
    DelegationFactory,
    IssueFactory,
    IssueStatusFactory,
    MembershipFactory,
    PartyFactory,
    PositionFactory,
    ProcessFactory,
    RoundFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def queries(client, path, rows) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


def day(n):
    return datetime.date(2025, 1, 1) + datetime.timedelta(days=n)


def rounds_with_everything(process, count, start=0):
    """Rounds that each assess an issue, record a position and an agreement."""
    issue = IssueFactory(process=process)
    party = PartyFactory()
    for n in range(start, start + count):
        talk_round = RoundFactory(process=process, start_date=day(n), end_date=day(n))
        IssueStatusFactory(issue=issue, round=talk_round, publish=True)
        PositionFactory(issue=issue, party=party, round=talk_round, publish=True)
        AgreementFactory(process=process, round=talk_round, issues=[issue], publish=True)


def one_round_with(talk_round, count):
    """`count` sessions-worth of delegations (some with two roles), members, statuses and
    agreements at one round; the first member of the first delegation chairs it."""
    process = talk_round.process
    chaired = talk_round.delegations.exists()
    for n in range(count):
        roles = [DelegationRole.MEDIATOR, DelegationRole.HOST] if n % 2 else [DelegationRole.NEGOTIATING_PARTY]
        delegation = DelegationFactory(round=talk_round, roles=roles)
        MembershipFactory(delegation=delegation, role=MembershipRole.MEMBER if chaired else MembershipRole.CHAIR)
        chaired = True
        IssueStatusFactory(issue=IssueFactory(process=process), round=talk_round, publish=True)
        AgreementFactory(process=process, round=talk_round, publish=True)
    SessionFactory(round=talk_round)


LISTS = ["rounds/", "statuses/", "positions/", "agreements/?include=drafts", "statuses/?include=drafts"]
MATRIX = "status-matrix/?process={process}"


@pytest.fixture(scope="class")
def counted(django_db_setup, django_db_blocker):
    """The queries of every list and of the matrix over 5 rounds with everything, then over
    50: the record is made once for the class that reads them (the lists are read by an
    editor, who also sees drafts), and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        client = Client()
        client.force_login(_user("query-counter", groups=[EDITORS]))
        process = ProcessFactory()
        paths = [*LISTS, MATRIX.format(process=process.slug)]
        rounds_with_everything(process, 5)
        few = {path: queries(client, f"/api/v1/{path}", 5) for path in paths}
        rounds_with_everything(process, 45, start=5)
        many = {path: queries(client, f"/api/v1/{path}", 50) for path in paths}
        rows = {path: len(client.get(f"/api/v1/{path}").json()["results"]) for path in LISTS}
        yield {"few": few, "many": many, "rows": rows, "matrix": paths[-1]}
        transaction.set_rollback(True)


class TestListsAndTheMatrix:
    @pytest.mark.parametrize("path", LISTS)
    def test_a_list_runs_as_many_queries_for_50_rows_as_for_5(self, counted, path):
        assert counted["rows"][path] >= 45
        assert counted["many"][path] == counted["few"][path]

    def test_the_matrix_runs_as_many_queries_for_50_rounds_as_for_5(self, counted):
        matrix = counted["matrix"]
        assert counted["many"][matrix] == counted["few"][matrix]


def test_issues_with_positions_run_as_many_queries_for_50_as_for_5(client):
    process = ProcessFactory()
    talk_round = RoundFactory(process=process)

    def issues_with_positions(count):
        for _ in range(count):
            issue = IssueFactory(process=process)
            IssueStatusFactory(issue=issue, round=talk_round, publish=True)
            PositionFactory(issue=issue, round=talk_round, publish=True)

    issues_with_positions(5)
    few = queries(client, "/api/v1/issues/", 5)
    issues_with_positions(45)
    assert queries(client, "/api/v1/issues/", 50) == few


# The change log and the round's version (ETag: writes compare it with If-Match), the round,
# then its sources, sessions, delegations, their members, statuses, their sources,
# agreements, their parties, issues and sources. The chair comes from the members already read.
ROUND_DETAIL_QUERIES = 13


def test_the_round_detail_runs_as_many_queries_for_50_rows_as_for_5(client):
    talk_round = RoundFactory()
    one_round_with(talk_round, 5)
    few = queries(client, f"/api/v1/rounds/{talk_round.slug}/", 5)
    one_round_with(talk_round, 45)
    body = client.get(f"/api/v1/rounds/{talk_round.slug}/").json()
    assert len(body["delegations"]) == len(body["issue_statuses"]) == len(body["agreements"]) == 50
    assert body["chair"] is not None
    assert few == queries(client, f"/api/v1/rounds/{talk_round.slug}/", 50) == ROUND_DETAIL_QUERIES
