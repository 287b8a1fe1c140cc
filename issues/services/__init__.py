"""Writes to agenda issues and to what the record says of them, with their publication.

Statements, statuses, positions and agreements are written as drafts; reviewers
publish, withdraw or send them back. A published record is never edited in place: a
correction is a new draft that revises it, and publishing that draft supersedes the old
record in the same transaction. The current status of each issue and the latest
position of each party are kept here, in the transaction of the change that moves them.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from delegations.models import Party
from issues.models import (
    Agreement,
    Issue,
    IssueStatus,
    Position,
    PublicationState,
    Publishable,
    Statement,
    StatementIssue,
)
from negotrack.models import Change
from negotrack.records import RecordLocked, delete_record, save_record, service_write
from rounds.dates import date_errors, span_end
from rounds.models import Round, Source

# A statement this many days away from its round's dates needs the editor's confirmation.
ROUND_DATE_TOLERANCE_DAYS = 30


# --- agenda issues -------------------------------------------------------------------


def issue_save(issue: Issue, *, by) -> Issue:
    with transaction.atomic():
        if issue.process_id and issue.topic and not issue.slug:
            slug = f"{issue.process.slug}-{slugify(issue.topic)}"
            clash = Issue.objects.filter(slug=slug).exclude(process=issue.process).first()
            if clash:
                taken = f"already taken by “{clash}” of {clash.process}"
                raise ValidationError({"topic": f"This topic would make the slug {slug!r}, {taken}."})
            issue.slug = slug
        return save_record(issue, by=by)


def refresh_current_status(issue: Issue) -> None:
    """Point the issue at its latest published status by effective date."""
    latest = (
        IssueStatus.objects.published()
        .filter(issue=issue)
        .order_by("-effective_date", "-published_at", "-id")
        .values_list("pk", flat=True)
        .first()
    )
    stored = Issue.objects.filter(pk=issue.pk).values_list("current_status_id", flat=True).get()
    if stored != latest:
        with service_write():
            Issue.objects.filter(pk=issue.pk).update(current_status_id=latest)
    issue.current_status_id = latest


def refresh_current_position(issue_id: int, party_id: int) -> None:
    """Mark the party's latest published position on the issue as current, and only that one."""
    positions = Position.objects.filter(issue_id=issue_id, party_id=party_id)
    latest = (
        positions.published().order_by("-effective_date", "-published_at", "-id").values_list("pk", flat=True).first()
    )
    with service_write():
        positions.filter(is_current=True).exclude(pk=latest).update(is_current=False)
        if latest is not None:
            positions.filter(pk=latest, is_current=False).update(is_current=True)


def follow_round_dates(talk_round: Round) -> None:
    """A round's dates moved: move the effective dates of what was assessed there, and
    what is current with them."""
    effective = talk_round.effective_date
    if effective is None and any(
        model.objects.filter(round=talk_round).exists() for model in (IssueStatus, Position, Agreement)
    ):
        raise ValidationError(
            {"start_date": "Statuses, positions or agreements were assessed at this round: it keeps its dates."}
        )
    with service_write():
        for model in (IssueStatus, Position, Agreement):
            model.objects.filter(round=talk_round).exclude(effective_date=effective).update(effective_date=effective)
    for issue in Issue.objects.filter(statuses__round=talk_round).distinct():
        refresh_current_status(issue)
    pairs = Position.objects.filter(round=talk_round).values_list("issue_id", "party_id").distinct()
    for issue_id, party_id in pairs:
        refresh_current_position(issue_id, party_id)


# --- drafts --------------------------------------------------------------------------


def refuse_unless_draft(record: Publishable, verb: str) -> None:
    if record.pk is None:
        return
    stored_state = type(record).objects.filter(pk=record.pk).values_list("state", flat=True).get()
    if stored_state == PublicationState.DRAFT:
        return
    name = record._meta.verbose_name
    if stored_state == PublicationState.PUBLISHED:
        raise RecordLocked(
            f"This {name} is published and cannot be {verb} in place: start a correction "
            f"(a new draft that revises it) or withdraw it.",
            code="published_record",
        )
    raise RecordLocked(
        f"This {name} is {PublicationState(stored_state).label}: it stays on the public record as a "
        "correction notice and cannot be changed.",
        code="correction_notice",
    )


def _save_draft(record: Publishable, *, by, m2m: dict[str, Iterable]) -> Publishable:
    with transaction.atomic():
        refuse_unless_draft(record, "edited")
        return save_record(record, by=by, m2m={name: values for name, values in m2m.items() if values is not None})


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


def issues_outside_process(process_id, issues: Iterable[Issue]) -> str | None:
    """What is wrong when some of `issues` belong to another process than `process_id`."""
    strays = [issue.name for issue in issues if issue.process_id != process_id]
    return f"Not agenda issues of this process: {', '.join(strays)}." if strays else None


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
    by,
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
            statement.round_id = statement.session.round_id
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
        _save_draft(statement, by=by, m2m={"sources": sources})
        if issues is not None:
            statement_link_issues(statement, issues, by=by, uuids=issue_link_uuids)
    return statement


def statement_link_issues(
    statement: Statement, issues: Iterable[Issue], *, by, uuids: Mapping[int, uuid.UUID] | None = None
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


def issue_status_save(status: IssueStatus, *, by, sources: Iterable[Source] | None = None) -> IssueStatus:
    return _save_draft(status, by=by, m2m={"sources": sources})


def position_save(position: Position, *, by, sources: Iterable[Source] | None = None) -> Position:
    return _save_draft(position, by=by, m2m={"sources": sources})


def agreement_save(
    agreement: Agreement,
    *,
    by,
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
        return _save_draft(agreement, by=by, m2m={"parties": parties, "issues": issues, "sources": sources})


def draft_delete(record: Publishable, *, by) -> None:
    """Delete a draft; published records are withdrawn, never deleted."""
    with transaction.atomic():
        refuse_unless_draft(record, "deleted")
        delete_record(record, by=by)


# What a correction does not copy from the record it revises: identity, bookkeeping, and
# its publication history.
_NOT_COPIED = {
    "id", "uuid", "version", "created_at", "updated_at", "state", "revises", "published_at", "published_by",
    "review_note", "withdrawn_on", "correction_note", "superseded_at", "is_current",
}  # fmt: skip


def correction_start(record: Publishable, *, by) -> Publishable:
    """A new draft that revises a published record; publishing it supersedes the record."""
    model = type(record)
    with transaction.atomic():
        stored_state = model.objects.select_for_update().filter(pk=record.pk).values_list("state", flat=True).first()
        if stored_state != PublicationState.PUBLISHED:
            raise RecordLocked(
                f"Only a published record can be corrected; this one is {stored_state}.", code="not_published"
            )
        draft = model()
        for field in model._meta.concrete_fields:
            if field.name not in _NOT_COPIED:
                setattr(draft, field.attname, getattr(record, field.attname))
        draft.revises = record
        m2m = {
            field.name: list(getattr(record, field.name).all())
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        }
        save_record(draft, by=by, m2m=m2m)
        if isinstance(record, Statement):
            statement_link_issues(draft, record.issues.all(), by=by)
    return draft


# --- publication ---------------------------------------------------------------------


def can_review(user, model: type[Publishable]) -> bool:
    return bool(user) and user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def _require_reviewer(user, record: Publishable) -> None:
    if not can_review(user, type(record)):
        raise PermissionDenied("Only reviewers publish, withdraw or send back records.")


def _refresh_current(record: Publishable) -> None:
    if isinstance(record, IssueStatus):
        refresh_current_status(record.issue)
    elif isinstance(record, Position):
        refresh_current_position(record.issue_id, record.party_id)


def publish(record: Publishable, *, by, at: datetime.datetime | None = None) -> Publishable:
    """Publish a draft; a draft that revises a published record supersedes it.

    `at` serves the importer, which reproduces a publication from a document: the moment
    it was published (by default now). A corrected record found superseded at that very
    moment already was superseded by this correction, in the import of its own round.
    """
    _require_reviewer(by, record)
    if record.pk is None:
        raise ValidationError("Save the draft before publishing it.", code="unsaved")
    with transaction.atomic():
        refuse_unless_draft(record, "published again")
        if not record.sources.exists():
            raise ValidationError({"sources": "Cite at least one source before publishing."}, code="no_source")
        if isinstance(record, Agreement) and not record.parties.exists():
            raise ValidationError({"parties": "Name the parties bound by the agreement."}, code="no_parties")
        now = at or timezone.now()
        if record.revises_id:
            old = type(record).objects.select_for_update().get(pk=record.revises_id)
            if old.state == PublicationState.PUBLISHED:
                _supersede(old, by=by, at=now)
            elif not (old.state == PublicationState.SUPERSEDED and at is not None and old.superseded_at == at):
                raise ValidationError(
                    f"The record this draft corrects is {old.state} now, so the correction cannot replace it.",
                    code="revises_unpublished",
                )
        record.state = PublicationState.PUBLISHED
        record.published_at = now
        record.published_by = by if getattr(by, "pk", None) else None
        record.review_note = ""
        save_record(record, by=by, action=Change.Action.PUBLISH)
        _refresh_current(record)
    return record


def _supersede(old: Publishable, *, by, at: datetime.datetime) -> None:
    old.state = PublicationState.SUPERSEDED
    old.superseded_at = at
    save_record(old, by=by, action=Change.Action.SUPERSEDE)
    # A correction may move to another issue or party: what was current there moves too.
    _refresh_current(old)


def supersede_without_correction(record: Publishable, *, by, at: datetime.datetime | None = None) -> Publishable:
    """For the importer only: a document can show a record superseded while its correction
    lies outside the document (a correction moved to another round). Everywhere else a
    record is superseded by publishing its correction."""
    _require_reviewer(by, record)
    with transaction.atomic():
        stored_state = type(record).objects.select_for_update().filter(pk=record.pk).values_list("state", flat=True)
        if stored_state.get() != PublicationState.PUBLISHED:
            raise RecordLocked("Only a published record can be superseded.", code="not_published")
        _supersede(record, by=by, at=at or timezone.now())
    return record


def withdraw(record: Publishable, *, by, note: str, on_date: datetime.date | None = None) -> Publishable:
    """Take a published record out of the public record, leaving a dated public notice."""
    _require_reviewer(by, record)
    if not note or not note.strip():
        raise ValidationError({"correction_note": "Say publicly why the record is withdrawn."})
    with transaction.atomic():
        stored_state = type(record).objects.filter(pk=record.pk).values_list("state", flat=True).get()
        if stored_state != PublicationState.PUBLISHED:
            raise RecordLocked(
                f"Only a published record can be withdrawn; this one is {stored_state}.", code="not_published"
            )
        record.state = PublicationState.WITHDRAWN
        record.withdrawn_on = on_date or timezone.localdate()
        record.correction_note = note.strip()
        save_record(record, by=by, action=Change.Action.WITHDRAW)
        _refresh_current(record)
    return record


def send_back(record: Publishable, *, by, note: str) -> Publishable:
    """Return a draft to its editors with a reviewer's note."""
    _require_reviewer(by, record)
    if not note or not note.strip():
        raise ValidationError({"review_note": "Tell the editor what to change."})
    with transaction.atomic():
        refuse_unless_draft(record, "sent back")
        record.review_note = note.strip()
        save_record(record, by=by, action=Change.Action.SEND_BACK)
    return record
