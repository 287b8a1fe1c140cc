"""Statements: their drafts, the rules on their dates and duplicates, and their links to
the agenda issues they concern."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from issues.models import Issue, PublicationState, Statement, StatementIssue
from issues.services.drafts import issues_outside_process, refuse_unless_draft, save_draft
from negotrack.records import User, delete_record, save_record
from rounds.dates import date_errors, span_end
from rounds.models import Source

# A statement this many days away from its round's dates needs the editor's confirmation.
ROUND_DATE_TOLERANCE_DAYS = 30


def statement_date_warning(statement: Statement) -> str | None:
    """Why a statement's date needs the editor's confirmation, if it does."""
    talk_round = statement.round if statement.round_id else None
    if not talk_round or not talk_round.start_date or not statement.date:
        return None
    if date_errors(statement.date, statement.date_precision, allow_future=False):
        return None  # an impossible date is refused for what it is, confirmed or not
    first, last = talk_round.start_date, talk_round.end_date or talk_round.start_date
    span_last = span_end(statement.date, statement.date_precision)
    tolerance = datetime.timedelta(days=ROUND_DATE_TOLERANCE_DAYS)
    if span_last < first - tolerance or statement.date > last + tolerance:
        return (
            f"This date is more than {ROUND_DATE_TOLERANCE_DAYS} days from the round ({talk_round.date_label}). "
            "Confirm the date if it is right."
        )
    return None


def _said_alike(text: str) -> str:
    return " ".join(text.split())


def statement_duplicate(statement: Statement) -> Statement | None:
    """A statement already recorded, in draft or on the public record, with the same
    speaker, date and text (spacing aside); a correction does not duplicate what it revises."""
    if not statement.date or not statement.text:
        return None
    if statement.speaker_id:
        same = Statement.objects.filter(speaker_id=statement.speaker_id)
    elif statement.speaker_description.strip():
        same = Statement.objects.filter(
            speaker__isnull=True, speaker_description__iexact=statement.speaker_description.strip()
        )
    else:
        return None
    same = same.filter(date=statement.date, state__in=[PublicationState.DRAFT, PublicationState.PUBLISHED]).exclude(
        pk=statement.pk
    )
    if statement.revises_id:
        same = same.exclude(pk=statement.revises_id).exclude(revises_id=statement.revises_id)
    text = _said_alike(statement.text)
    return next((other for other in same.select_related("round") if _said_alike(other.text) == text), None)


def statement_save(
    statement: Statement,
    *,
    by: User,
    issues: Iterable[Issue] | None = None,
    sources: Iterable[Source] | None = None,
    confirm_date: bool = False,
    issue_link_uuids: Mapping[int, uuid.UUID] | None = None,
) -> Statement:
    """Save a draft statement, with the issues it concerns (each link a record of its own).

    `issue_link_uuids` (issue pk -> UUID) gives new links their UUIDs, for the importer.
    """
    with transaction.atomic():
        if statement.session_id and not statement.round_id:
            session = statement.session
            if session is not None:  # always, with a session_id
                statement.round_id = session.round_id
        if issues is not None:
            issues = list(issues)
            problem = issues_outside_process(statement.process_id, issues)
            if problem:
                raise ValidationError({"issues": problem})
        if not confirm_date:
            warning = statement_date_warning(statement)
            if warning:
                raise ValidationError({"date": ValidationError(warning, code="confirm_date")})
        duplicate = statement_duplicate(statement)
        if duplicate:
            where = f" at {duplicate.round}" if duplicate.round_id else ""
            state = "a draft" if duplicate.state == PublicationState.DRAFT else "on the public record"
            message = (
                f"The same words by the same speaker on {duplicate.date:%-d %B %Y}{where} are already "
                f"recorded ({state}): this would be a duplicate."
            )
            raise ValidationError({"text": ValidationError(message, code="duplicate")})
        save_draft(statement, by=by, m2m={"sources": sources})
        if issues is not None:
            statement_link_issues(statement, issues=issues, by=by, uuids=issue_link_uuids)
    return statement


def statement_link_issues(
    statement: Statement, *, issues: Iterable[Issue], by: User, uuids: Mapping[int, uuid.UUID] | None = None
) -> None:
    """Make the statement's issue links exactly `issues`, one link record each; a new link
    takes its UUID from `uuids` (issue pk -> UUID) when given there."""
    refuse_unless_draft(statement, "relinked")
    wanted = {issue.pk: issue for issue in issues}
    links = {link.issue_id: link for link in statement.issue_links.all()}
    for issue_id, link in links.items():
        if issue_id not in wanted:
            delete_record(link, by=by)
    for issue_id, issue in wanted.items():
        if issue_id not in links:
            link = StatementIssue(statement=statement, issue=issue)
            if uuids and issue_id in uuids:
                link.uuid = uuids[issue_id]
            save_record(link, by=by)
