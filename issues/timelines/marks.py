"""Which timelines an edit touches: connected to `record_changed`, which the services send
inside the writing transaction, so the marks land in the same transaction as the edit.

A draft never reaches a timeline, so edits to drafts (and to a draft statement's issue
links) mark nothing; publishing, withdrawing and superseding do. A change to a record that
published ones point to (a source, a round's dates, a person's or a party's name, the
issue itself) marks every issue whose timeline shows it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Q

from delegations.models import Party, Person
from issues.models import (
    PUBLIC_STATES,
    Agreement,
    Issue,
    IssueStatus,
    Position,
    PublicationState,
    Statement,
    StatementIssue,
)
from issues.timelines import rebuild
from negotrack.records import Record, User
from rounds.models import Round, Source


def _is_draft(record: Record) -> bool:
    return getattr(record, "state", None) == PublicationState.DRAFT


def issues_of_statements(statements: Q) -> set[int]:
    links = StatementIssue.objects.filter(statement__state__in=PUBLIC_STATES).filter(statements)
    return set(links.values_list("issue_id", flat=True))


def issues_citing(**where: Any) -> set[int]:
    """Issues whose public statuses, positions, agreements or statements match `where`,
    a field all four have (`sources=…`, `round=…`)."""
    ids: set[int] = set()
    for model in (IssueStatus, Position):
        ids |= set(model.objects.public().filter(**where).values_list("issue_id", flat=True))
    agreements = Agreement.objects.public().filter(**where)
    ids |= set(Agreement.issues.through.objects.filter(agreement__in=agreements).values_list("issue_id", flat=True))
    statement_where = Q(**{f"statement__{name}": value for name, value in where.items()})
    ids |= issues_of_statements(statement_where)
    return ids


def affected_issues(record: Record) -> set[int]:
    if isinstance(record, IssueStatus | Position):
        return set() if _is_draft(record) else {record.issue_id}
    if isinstance(record, Agreement):
        if _is_draft(record):
            return set()
        return set(Agreement.issues.through.objects.filter(agreement_id=record.pk).values_list("issue_id", flat=True))
    if isinstance(record, Statement):
        if _is_draft(record):
            return set()
        return set(StatementIssue.objects.filter(statement_id=record.pk).values_list("issue_id", flat=True))
    if isinstance(record, StatementIssue):
        state = Statement.objects.filter(pk=record.statement_id).values_list("state", flat=True).first()
        return {record.issue_id} if state in PUBLIC_STATES else set()
    if isinstance(record, Issue):
        return {record.pk}
    if isinstance(record, Source):
        return issues_citing(sources=record.pk)
    if isinstance(record, Round):
        return issues_citing(round=record.pk)
    if isinstance(record, Party):
        positions = set(Position.objects.public().filter(party=record.pk).values_list("issue_id", flat=True))
        agreements = Agreement.objects.public().filter(parties=record.pk)
        bound = Agreement.issues.through.objects.filter(agreement__in=agreements).values_list("issue_id", flat=True)
        return positions | set(bound) | issues_of_statements(Q(statement__party=record.pk))
    if isinstance(record, Person):
        return issues_of_statements(Q(statement__speaker=record.pk))
    return set()


def mark_affected(
    sender: type[Record], record: Record, action: str, changed_fields: Collection[str], by: User, **kwargs: Any
) -> None:
    """`record_changed` receiver."""
    if action == "update" and not changed_fields:
        return
    if action == "create" and isinstance(record, Source | Round | Party | Person):
        return  # nothing cites a record just made (a tool setting up a round makes many)
    rebuild.mark(affected_issues(record))
