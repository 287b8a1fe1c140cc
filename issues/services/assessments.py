"""The drafts of the assessments: issue statuses, party positions and agreements."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from delegations.models import Party
from issues.models import Agreement, Issue, IssueStatus, Position
from issues.services.drafts import issues_outside_process, save_draft
from negotrack.records import User
from rounds.models import Source


def issue_status_save(status: IssueStatus, *, by: User, sources: Iterable[Source] | None = None) -> IssueStatus:
    return save_draft(status, by=by, m2m={"sources": sources})


def position_save(position: Position, *, by: User, sources: Iterable[Source] | None = None) -> Position:
    return save_draft(position, by=by, m2m={"sources": sources})


def agreement_save(
    agreement: Agreement,
    *,
    by: User,
    parties: Iterable[Party] | None = None,
    issues: Iterable[Issue] | None = None,
    sources: Iterable[Source] | None = None,
) -> Agreement:
    with transaction.atomic():
        if issues is not None:
            issues = list(issues)
            problem = issues_outside_process(agreement.process_id, issues)
            if problem:
                raise ValidationError({"issues": problem})
        if parties is not None or agreement.pk is None:
            parties = list(parties or [])
            if not parties:
                raise ValidationError({"parties": "Name the parties bound by the agreement."})
        return save_draft(agreement, by=by, m2m={"parties": parties, "issues": issues, "sources": sources})
