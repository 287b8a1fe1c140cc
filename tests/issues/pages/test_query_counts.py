"""Every page runs a fixed number of queries, however large the record: counted on a small
record, then again after many more records of every kind the page shows; for a reader,
and for an editor, whose round, issue, person and party pages show their drafts too
(one draft of each kind at first, then five).

The numbers are pinned, so that a change to a page's queries is noticed (and the pin
updated on purpose). They are the same on SQLite and PostgreSQL.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from delegations.models import Attendance, DelegationRole, Membership, MembershipRole
from delegations.services import attendance_save
from issues import services
from issues.models import Issue
from issues.timelines import rebuild
from negotrack.groups import EDITORS, add_to_group, system_user
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
from tests.pages import PAGES, urls

pytestmark = pytest.mark.django_db

STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
STATUSES = ["raised", "discussed", "progress", "stalled", "near_agreement"]

# Queries per page, anonymous reader. Every page starts with one read of the change log
# (for its ETag); the issue page reads its timeline's currency for the ETag as well.
PINNED = {
    "home": 12,
    # The process page reads each issue's published statuses, to say since when it holds.
    "process": 7,
    # The compare page reads the two rounds' delegations (their roles), then their members.
    "compare": 15,
    "round": 19,
    "issue": 13,
    "people": 2,
    "person": 7,
    "parties": 2,
    "party": 6,
    "statements": 10,
    # Each filter that names a record by its slug looks it up once.
    "statements, filtered": 13,
    "compare, two rounds named": 15,
}

# Queries per page, signed-in editor: the reader's, plus the session and the user; on the
# pages with drafts, whether the user is an editor (once, for the ETag and the page) and
# the drafts of each kind the page shows (the drafts, their sources, a statement's and an
# agreement's issues and an agreement's parties, those of the records they correct, and
# who made them).
EDITOR_PINNED = {
    "home": 14,
    "process": 9,
    "compare": 17,
    "round": 44,
    "issue": 38,
    "people": 4,
    "person": 16,
    "parties": 4,
    "party": 15,
    "statements": 12,
    "statements, filtered": 15,
    "compare, two rounds named": 17,
}
DRAFT_PAGES = {"round", "issue", "person", "party"}


def day(n: int) -> datetime.date:
    return datetime.date(2025, 1, 1) + datetime.timedelta(days=n)


class GrowingRecord:
    """A process with fixed records that every page is read for (its two latest rounds, an
    issue, a person, a party), and `grow(n)`, which adds n more of everything around them:
    rounds with sessions, attendance, delegations and members; issues; statuses, positions,
    agreements and statements citing sources (one of them known only through another
    outlet); withdrawn and corrected records; and the timelines built from all of it."""

    def __init__(self):
        self.by = system_user()
        self.editor = get_user_model().objects.create_user("counted-editor", is_staff=True)
        add_to_group(self.editor, EDITORS)
        self.drafted = 0
        self.process = ProcessFactory()
        self.person, self.party = PersonFactory(), PartyFactory()
        self.issue = IssueFactory(process=self.process, sort_order=0)
        self.earlier = RoundFactory(process=self.process, start_date=day(400), end_date=day(401))
        self.round = RoundFactory(process=self.process, start_date=day(410), end_date=day(411))
        self.wire = SourceFactory(outlet="Wire service")
        self.grown = 0

    def urls(self) -> dict[str, str]:
        pages = urls(
            process=self.process, talk_round=self.round, issue=self.issue, person=self.person, party=self.party
        )
        pages["statements, filtered"] = (
            f"{pages['statements']}?q=progress&process={self.process.slug}&party={self.party.slug}"
            f"&issue={self.issue.slug}&date_from={day(0)}&date_to={day(500)}"
        )
        pages["compare, two rounds named"] = f"{pages['compare']}?from={self.round.slug}&to={self.earlier.slug}"
        return pages

    def sources(self) -> list:
        return [SourceFactory(via=self.wire), SourceFactory()]

    def published(self, factory, **fields):
        return factory(sources=self.sources(), publish=True, **fields)

    def grow(self, count: int) -> None:
        for _ in range(count):
            self.grown += 1
            self._grow_once(self.grown)
        for issue_id in Issue.objects.filter(process=self.process).values_list("pk", flat=True):
            rebuild.rebuild_issue(issue_id)

    def add_drafts(self, count: int) -> None:
        """Drafts of each kind at the round, on the issue, by the person for the party, by
        an editor: a correction of a published record of each kind (a status and a
        position corrected both at the round, on an issue of their own, and on the issue
        at a date between rounds), and `count - 1` new drafts of each kind."""
        self.drafted += 1
        by, issue, between = self.editor, IssueFactory(process=self.process), day(420 + self.drafted)
        statement = {"process": self.process, "round": self.round, "date": self.round.start_date,
                     "speaker": self.person, "party": self.party, "issues": [self.issue]}  # fmt: skip
        agreement = {"process": self.process, "round": self.round, "issues": [self.issue]}
        corrected = [
            (services.statement_save, self.published(StatementFactory, **statement, text=f"Said {self.drafted}.")),
            (
                services.agreement_save,
                self.published(AgreementFactory, **agreement, parties=[self.party, PartyFactory()]),
            ),
            (services.issue_status_save, self.published(IssueStatusFactory, issue=issue, round=self.round)),
            (
                services.issue_status_save,
                self.published(IssueStatusFactory, issue=self.issue, round=None, date=between),
            ),
            (services.position_save, self.published(PositionFactory, issue=issue, party=self.party, round=self.round)),
            (
                services.position_save,
                self.published(PositionFactory, issue=self.issue, party=self.party, round=None, date=between),
            ),
        ]
        for save, record in corrected:
            save(services.correction_start(record, by=by), by=by)
        for n in range(count - 1):
            StatementFactory(**statement, text=f"Draft {self.drafted}.{n}.", sources=self.sources(), by=by)
            AgreementFactory(**agreement, parties=[self.party, PartyFactory()], sources=self.sources(), by=by)
            IssueStatusFactory(issue=self.issue, round=self.round, status="agreed", sources=self.sources(), by=by)
            PositionFactory(issue=self.issue, party=self.party, round=self.round, sources=self.sources(), by=by)

    def _grow_once(self, n: int) -> None:
        issue = IssueFactory(process=self.process, sort_order=n)
        party, other = PartyFactory(), PartyFactory()
        # A round before the two that the pages are read for; all three get more of everything.
        talk_round = RoundFactory(process=self.process, start_date=day(n * 10), end_date=day(n * 10 + 1))
        for at in (talk_round, self.round, self.earlier):
            self._round_with_everything(at, issue, party, other, n)
        status = STATUSES[n % len(STATUSES)]
        self.published(IssueStatusFactory, issue=self.issue, round=talk_round, status=status)
        self.published(PositionFactory, issue=self.issue, party=self.party, round=talk_round, stance=f"stance {n}")
        # Between rounds: a statement and a status on the focus issue.
        self.published(
            StatementFactory,
            process=self.process,
            round=None,
            date=day(n * 10 + 5),
            speaker=self.person,
            party=self.party,
            text=f"Progress between rounds, {n}.",
            issues=[self.issue, issue],
        )
        self.published(IssueStatusFactory, issue=self.issue, round=None, date=day(n * 10 + 6))
        # Corrections: a withdrawn statement and a corrected position.
        wrong = self.published(
            StatementFactory,
            process=self.process,
            round=talk_round,
            date=talk_round.start_date,
            speaker=self.person,
            party=self.party,
            issues=[self.issue],
        )
        services.record_withdraw(wrong, by=self.by, note="Misattributed.")
        position = self.published(PositionFactory, issue=issue, party=self.party, round=talk_round, stance="first")
        correction = services.correction_start(position, by=self.by)
        correction.stance = "second"
        services.position_save(correction, by=self.by)
        services.draft_publish(correction, by=self.by)

    def _round_with_everything(self, talk_round, issue, party, other, n):
        """A session with attendance, three delegations with members (one a host that also
        mediates, whose first member chairs the round), a status, positions, an agreement
        and statements by three speakers (one unnamed), at one round."""
        ours = talk_round.delegations.filter(party=self.party).first()
        if ours is None:
            ours = DelegationFactory(round=talk_round, party=self.party, sources=self.sources())
        members = [MembershipFactory(delegation=ours, sources=self.sources())]
        if not ours.memberships.filter(person=self.person).exists():
            head = MembershipRole.HEAD
            members.append(MembershipFactory(delegation=ours, person=self.person, title=f"envoy {n}", role=head))
        for side in (party, other):
            roles = [DelegationRole.MEDIATOR, DelegationRole.HOST] if side is other else [DelegationRole.OBSERVER]
            delegation = DelegationFactory(round=talk_round, party=side, roles=roles, note="Others not named.")
            members += [MembershipFactory(delegation=delegation, sources=self.sources()) for _ in range(2)]
        if not Membership.objects.filter(delegation__round=talk_round, role=MembershipRole.CHAIR).exists():
            chair = MembershipFactory(delegation=delegation, role=MembershipRole.CHAIR, title="foreign minister")
            members.append(chair)
        session = SessionFactory(round=talk_round, date=talk_round.start_date)
        for member in members:
            attendance_save(Attendance(session=session, membership=member), by=self.by)
        self.published(IssueStatusFactory, issue=issue, round=talk_round, status=STATUSES[n % len(STATUSES)])
        for on in (issue, self.issue):
            self.published(PositionFactory, issue=on, party=other, round=talk_round)
        self.published(
            AgreementFactory,
            process=self.process,
            round=talk_round,
            parties=[self.party, party, other],
            issues=[self.issue, issue],
            figures=[{"label": "prisoners exchanged", "value": n}],
        )
        for speaker, speaking_for in ((self.person, self.party), (PersonFactory(), party), (None, other)):
            self.published(
                StatementFactory,
                process=self.process,
                round=talk_round,
                session=session,
                date=talk_round.start_date,
                speaker=speaker,
                speaker_description="" if speaker else "a senior official",
                party=speaking_for,
                text=f"Progress at round {n}.",
                issues=[self.issue, issue],
            )


@dataclass(frozen=True)
class Count:
    queries: int
    sql: tuple[str, ...]
    size: int
    drafts: int


def count(client, url: str) -> Count:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    sql = tuple(query["sql"] for query in captured.captured_queries)
    return Count(len(captured), sql, len(response.content), response.content.count(b'<article class="draft"'))


@pytest.fixture(scope="class")
def counted(django_db_setup, django_db_blocker):
    """Each page's queries on a small record, and again once it has grown, for a reader and
    for an editor: {"reader" or "editor": {name: (small, large)}}. Built once for the class
    (it takes a few seconds), in a transaction rolled back after it; the pages are read
    here, so the plain static names of tests/conftest.py are set here too."""
    plain_static = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
    with django_db_blocker.unblock(), override_settings(STORAGES=plain_static), transaction.atomic():
        record = GrowingRecord()
        clients = {"reader": Client(), "editor": Client()}
        clients["editor"].force_login(record.editor)

        def count_all():
            return {who: {name: count(c, url) for name, url in record.urls().items()} for who, c in clients.items()}

        record.grow(1)
        record.add_drafts(1)
        small = count_all()
        record.grow(5)
        record.add_drafts(4)
        large = count_all()
        yield {who: {name: (small[who][name], large[who][name]) for name in small[who]} for who in clients}
        transaction.set_rollback(True)


@pytest.mark.usefixtures("counted")
class TestEveryPageRunsAFixedNumberOfQueries:
    @pytest.mark.parametrize("name", PINNED)
    def test_as_many_queries_for_a_large_record_as_for_a_small_one(self, counted, name):
        small, large = counted["reader"][name]
        assert large.size > small.size, "the large record shows more"
        assert small.queries == PINNED[name], "\n".join(small.sql)
        assert large.queries == PINNED[name], "\n".join(large.sql)
        assert small.drafts == large.drafts == 0

    @pytest.mark.parametrize("name", EDITOR_PINNED)
    def test_as_many_queries_for_an_editor_with_five_drafts_of_each_kind_as_with_one(self, counted, name):
        small, large = counted["editor"][name]
        if name in DRAFT_PAGES:
            assert 0 < small.drafts < large.drafts, "the editor sees more drafts"
        else:
            assert small.drafts == large.drafts == 0
        assert small.queries == EDITOR_PINNED[name], "\n".join(small.sql)
        assert large.queries == EDITOR_PINNED[name], "\n".join(large.sql)

    def test_every_page_is_counted(self):
        assert set(PAGES) <= set(PINNED) == set(EDITOR_PINNED)
