"""What the published record shows of the records it cites or sits in.

Once a published (or withdrawn, or superseded) statement, status, position or agreement
shows a source, a person, a party, an agenda issue, a round or what a round holds, an
editor's change to that record waits for a reviewer (DESIGN.md, Publication; the write
path in negotrack.records keeps it as a pending revision). A round is shown once any
public record sits in it, and with it its sessions, delegations, members and attendance,
which its public page lists beside them. Each check is a few EXISTS queries.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues.models import Agreement, Issue, IssueStatus, Position, Statement
from rounds.models import Process, Round, Session, Source

PUBLISHED_KINDS = (Statement, IssueStatus, Position, Agreement)


def shown_rounds() -> QuerySet[Round]:
    """Rounds that a public record sits in."""
    public_in_round = [Exists(model.objects.public().filter(round=OuterRef("pk"))) for model in PUBLISHED_KINDS]
    return Round.objects.filter(functools.reduce(operator.or_, public_in_round))


def _round_shown(round_id: int) -> bool:
    return shown_rounds().filter(pk=round_id).exists()


def source_shown(source: Source) -> bool:
    if any(model.objects.public().filter(sources=source).exists() for model in PUBLISHED_KINDS):
        return True
    cited = Q(sources=source) | Q(delegations__sources=source) | Q(delegations__memberships__sources=source)
    return shown_rounds().filter(cited).exists()


def process_shown(process: Process) -> bool:
    return (
        Statement.objects.public().filter(process=process).exists()
        or Agreement.objects.public().filter(process=process).exists()
        or IssueStatus.objects.public().filter(issue__process=process).exists()
        or Position.objects.public().filter(issue__process=process).exists()
    )


def round_shown(talk_round: Round) -> bool:
    return _round_shown(talk_round.pk)


def session_shown(session: Session) -> bool:
    return _round_shown(session.round_id)


def delegation_shown(delegation: Delegation) -> bool:
    return _round_shown(delegation.round_id)


def membership_shown(membership: Membership) -> bool:
    return shown_rounds().filter(delegations=membership.delegation_id).exists()


def attendance_shown(attendance: Attendance) -> bool:
    return shown_rounds().filter(sessions=attendance.session_id).exists()


def person_shown(person: Person) -> bool:
    return (
        Statement.objects.public().filter(speaker=person).exists()
        or shown_rounds().filter(delegations__memberships__person=person).exists()
    )


def party_shown(party: Party) -> bool:
    return (
        Statement.objects.public().filter(party=party).exists()
        or Position.objects.public().filter(party=party).exists()
        or Agreement.objects.public().filter(parties=party).exists()
        or shown_rounds().filter(delegations__party=party).exists()
    )


def issue_shown(issue: Issue) -> bool:
    return (
        IssueStatus.objects.public().filter(issue=issue).exists()
        or Position.objects.public().filter(issue=issue).exists()
        or Agreement.objects.public().filter(issues=issue).exists()
        or Statement.objects.public().filter(issues=issue).exists()
    )


SHOWN_PUBLICLY: dict[str, Callable[[Any], bool]] = {
    "rounds.source": source_shown,
    "rounds.process": process_shown,
    "rounds.round": round_shown,
    "rounds.session": session_shown,
    "delegations.delegation": delegation_shown,
    "delegations.membership": membership_shown,
    "delegations.attendance": attendance_shown,
    "delegations.person": person_shown,
    "delegations.party": party_shown,
    "issues.issue": issue_shown,
}
