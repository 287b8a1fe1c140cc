"""A small record with a story in days, for the tests of `?as_known_on=` (negotrack.as_known).

Everything is published on 10 February 2026 (12:00 UTC); on 20 February (12:00 UTC) a
statement and an issue status are corrected, a position and an agreement withdrawn, the
records they stand on edited (a process, a round, a session, a membership, a delegation, a
source, a person, a party), and a person and an attendance added. The dates are those of
the history rows, the only dates the record as it stood is read from: the records are made
now, then every history row written before the corrections is moved to 10 February and
every one written since to 20 February.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues import services
from issues.models import Agreement, Issue, IssueStatus, Position, Statement
from issues.timelines import rebuild
from negotrack import as_known
from negotrack.groups import system_user
from rounds.models import Process, Round, Session, Source
from tests.factories import (
    AgreementFactory,
    AttendanceFactory,
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
    services_by_model,
)

PUBLISHED_AT = datetime.datetime(2026, 2, 10, 12, tzinfo=datetime.UTC)
CORRECTED_AT = datetime.datetime(2026, 2, 20, 12, tzinfo=datetime.UTC)
WITHDRAWN_ON = datetime.date(2026, 2, 20)

# The moments asked for: before the record existed, between its publication and its
# corrections, and after them.
BEFORE = "2026-02-01"
BETWEEN = "2026-02-19"
AFTER = "2026-02-21"

# The words that change: each is found once, in one record, so that a test can tell which
# version of the record an answer shows.
SAID = "We hold the line at Donbas."
SAID_CORRECTED = "We hold the line at Zaporizhzhia."
SUMMARY = "Maps were exchanged."
SUMMARY_CORRECTED = "No maps were exchanged after all."
STANCE = "keeps every Donbas village"
TERMS = "Three hundred fourteen prisoners for three hundred fourteen."
WITHDRAWAL_NOTE = "Misattributed by the wire."
KEPT = "The talks were productive and will continue."
# What the records that are not published or withdrawn said before 20 February, and after.
PROCESS_NOTE, PROCESS_NOTE_LATER = "Direct talks in a neutral city.", "Direct talks, brokered by a third state."
ROUND_SUMMARY, ROUND_SUMMARY_LATER = "One day of talks.", "One long day of talks, into the night."
SESSION_SUMMARY, SESSION_SUMMARY_LATER = "The plenary opened.", "The plenary opened late."
TITLE, TITLE_LATER = "Secretary of the Security Council", "Head of the delegation"
SOURCE_TITLE, SOURCE_TITLE_LATER = "First report", "Revised report"
DELEGATION_NOTE_LATER = "nearly two dozen other officials"
ALIAS_LATER = "Umjerow"
RUSSIA, RUSSIA_LATER = "Russia", "Russian Federation"
NEWCOMER = "Hakan Fidan"


@dataclass
class Story:
    process: Process
    earlier: Round
    round: Round
    issue: Issue
    ukraine: Party
    russia: Party
    person: Person
    source: Source
    statement: Statement
    kept: Statement
    status: IssueStatus
    position: Position
    agreement: Agreement
    # The records as they are now: the corrections that superseded the statement and the status.
    statement_correction: Statement
    status_correction: IssueStatus
    delegation: Delegation
    membership: Membership
    session: Session
    # Made on 20 February.
    newcomer: Person
    attendance: Attendance


def _history_models():
    return [model.history.model for model in as_known._records()]


def _newest_history_ids() -> dict[Any, int]:
    newest = {}
    for history in _history_models():
        last = history.objects.order_by("-history_id").values_list("history_id", flat=True).first()
        newest[history] = last or 0
    return newest


def _edit(record, by, **changes):
    """A change by the system user, whose changes are public at once (no pending revision)."""
    for name, value in changes.items():
        setattr(record, name, value)
    save, _ = services_by_model()[type(record)]
    save(record, by=by)


def _correct(record, by, **changes):
    draft = services.correction_start(record, by=by)
    for name, value in changes.items():
        setattr(draft, name, value)
    save = {Statement: services.statement_save, IssueStatus: services.issue_status_save}[type(draft)]
    extra = {"confirm_party": True} if isinstance(draft, Statement) else {}
    save(draft, by=by, **extra)
    services.draft_publish(draft, by=by)
    return draft


def build_story() -> Story:
    """The record and its story (module docstring), in the caller's transaction, with the
    timelines of its issue built as they are now."""
    by = system_user()
    process = ProcessFactory(slug="known-talks", name="Known peace talks", description=PROCESS_NOTE)
    earlier = RoundFactory(process=process, city="Riyadh", start_date=datetime.date(2026, 1, 20),
                           end_date=datetime.date(2026, 1, 20))  # fmt: skip
    talk_round = RoundFactory(process=process, city="Geneva", start_date=datetime.date(2026, 2, 5),
                              end_date=datetime.date(2026, 2, 5), summary=ROUND_SUMMARY)  # fmt: skip
    session = SessionFactory(round=talk_round, summary=SESSION_SUMMARY)
    ukraine = PartyFactory(name="Ukraine", slug="ukraine")
    russia = PartyFactory(name=RUSSIA, slug="russia")
    person = PersonFactory(name="Rustem Umerov")
    delegation = DelegationFactory(round=talk_round, party=ukraine)
    membership = MembershipFactory(delegation=delegation, person=person, title=TITLE)
    source = SourceFactory(outlet="Reuters", title=SOURCE_TITLE, url="https://example.org/geneva")
    issue = IssueFactory(process=process, topic="territory", name="Territory")
    cites = {"sources": [source]}
    said = {"process": process, "round": talk_round, "speaker": person, "party": ukraine, "issues": [issue],
            "date": datetime.date(2026, 2, 5), **cites}  # fmt: skip
    statement = StatementFactory(text=SAID, publish=True, **said)
    kept = StatementFactory(text=KEPT, publish=True, **said)
    status = IssueStatusFactory(issue=issue, round=talk_round, status="progress", summary=SUMMARY, publish=True,
                                **cites)  # fmt: skip
    position = PositionFactory(issue=issue, party=ukraine, round=talk_round, stance=STANCE, publish=True, **cites)
    agreement = AgreementFactory(process=process, round=talk_round, title="Prisoner exchange", terms=TERMS,
                                 parties=[ukraine, russia], issues=[issue], publish=True, **cites)  # fmt: skip

    before_corrections = _newest_history_ids()
    statement_correction = _correct(statement, by, text=SAID_CORRECTED)
    status_correction = _correct(status, by, status="stalled", summary=SUMMARY_CORRECTED)
    services.record_withdraw(position, by=by, note=WITHDRAWAL_NOTE, on_date=WITHDRAWN_ON)
    services.record_withdraw(agreement, by=by, note=WITHDRAWAL_NOTE, on_date=WITHDRAWN_ON)
    _edit(process, by, description=PROCESS_NOTE_LATER)
    _edit(talk_round, by, summary=ROUND_SUMMARY_LATER)
    _edit(session, by, summary=SESSION_SUMMARY_LATER)
    _edit(membership, by, title=TITLE_LATER)
    _edit(source, by, title=SOURCE_TITLE_LATER)
    _edit(delegation, by, note=DELEGATION_NOTE_LATER)
    _edit(person, by, aliases=ALIAS_LATER)
    _edit(russia, by, name=RUSSIA_LATER)
    newcomer = PersonFactory(name=NEWCOMER)
    attendance = AttendanceFactory(membership=membership, session=session)

    # Only history rows have dates (the many-to-many history rows hang from them).
    for history, last in before_corrections.items():
        history.objects.filter(history_id__lte=last).update(history_date=PUBLISHED_AT)
        history.objects.filter(history_id__gt=last).update(history_date=CORRECTED_AT)

    # Nothing commits in a test's transaction, so the rebuild that follows a commit is run here.
    rebuild.rebuild_issue(issue.pk, force=True)
    for record in (statement, status, position, agreement, status_correction, statement_correction):
        record.refresh_from_db()
    return Story(
        process=process, earlier=earlier, round=talk_round, issue=issue, ukraine=ukraine, russia=russia,
        person=person, source=source, statement=statement, kept=kept, status=status, position=position,
        agreement=agreement, statement_correction=statement_correction, status_correction=status_correction,
        delegation=delegation, membership=membership, session=session, newcomer=newcomer, attendance=attendance,
    )  # fmt: skip
