"""Publication: reviewers publish, withdraw or send back drafts; a correction is a new
draft that revises a published record, and publishing it supersedes that record."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypeVar, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from issues.models import Agreement, IssueStatus, Position, PublicationState, Publishable, Statement
from issues.services.drafts import refuse_unless_draft
from issues.services.issues import current_position_refresh, current_status_refresh
from issues.services.statements import statement_link_issues
from negotrack.models import Change
from negotrack.records import RecordLocked, User, save_record

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Account

P = TypeVar("P", bound=Publishable)

# What a correction does not copy from the record it revises: identity, bookkeeping, and
# its publication history.
_NOT_COPIED = {
    "id", "uuid", "version", "created_at", "updated_at", "state", "revises", "published_at", "published_by",
    "review_note", "sent_back_at", "sent_back_version", "withdrawn_on", "correction_note", "superseded_at",
    "is_current",
}  # fmt: skip


def correction_start(record: P, *, by: User) -> P:
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
        m2m: dict[str, list[models.Model]] = {}
        for field in model._meta.many_to_many:
            through = field.remote_field.through  # set for every loaded model
            if through is not None and through._meta.auto_created:
                m2m[field.name] = list(getattr(record, field.name).all())
        save_record(draft, by=by, m2m=m2m)
        if isinstance(record, Statement) and isinstance(draft, Statement):
            statement_link_issues(draft, issues=record.issues.all(), by=by)
    return draft


def can_review(user: User | None, model: type[Publishable]) -> bool:
    return user is not None and user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def _require_reviewer(user: User, record: Publishable) -> None:
    if not can_review(user, type(record)):
        raise PermissionDenied("Only reviewers publish, withdraw or send back records.")


def _refresh_current(record: Publishable) -> None:
    if isinstance(record, IssueStatus):
        current_status_refresh(record.issue)
    elif isinstance(record, Position):
        current_position_refresh(issue_id=record.issue_id, party_id=record.party_id)


def sent_back_problem(record: Publishable) -> str | None:
    """Why `record` (as read) cannot be published yet: a reviewer sent it back and nobody
    has saved it since, so the reviewer's note is still unanswered. None otherwise."""
    if not record.awaits_editor:
        return None
    when = f" on {timezone.localdate(record.sent_back_at):%-d %B %Y}" if record.sent_back_at else ""
    return (
        f"This {record._meta.verbose_name} was sent back{when} with the note “{record.review_note}”: "
        "an editor must change it before it is published."
    )


def _refuse_if_sent_back(record: Publishable) -> None:
    """The stored row decides, not the caller's copy, which may be older."""
    stored = type(record).objects.only("version", "review_note", "sent_back_at", "sent_back_version").get(pk=record.pk)
    problem = sent_back_problem(stored)
    if problem:
        raise RecordLocked(problem, code="sent_back")


def draft_publish(record: P, *, by: User, at: datetime.datetime | None = None) -> P:
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
        _refuse_if_sent_back(record)
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
        record.published_by = cast("Account | None", by if getattr(by, "pk", None) else None)
        record.review_note = ""
        record.sent_back_at = record.sent_back_version = None
        save_record(record, by=by, action=Change.Action.PUBLISH)
        _refresh_current(record)
    return record


def _supersede(old: Publishable, *, by: User, at: datetime.datetime) -> None:
    old.state = PublicationState.SUPERSEDED
    old.superseded_at = at
    save_record(old, by=by, action=Change.Action.SUPERSEDE)
    # A correction may move to another issue or party: what was current there moves too.
    _refresh_current(old)


def record_supersede(record: P, *, by: User, at: datetime.datetime | None = None) -> P:
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


EARLIEST_WITHDRAWAL = datetime.date(1900, 1, 1)


def withdrawal_date_problem(on_date: datetime.date) -> str | None:
    """Why a record cannot be withdrawn on `on_date`, or None: the day lies between 1900
    and today."""
    if on_date > timezone.localdate():
        return "A withdrawal cannot be dated in the future."
    if on_date < EARLIEST_WITHDRAWAL:
        return "A withdrawal cannot be dated before 1900."
    return None


def record_withdraw(record: P, *, by: User, note: str, on_date: datetime.date | None = None) -> P:
    """Take a published record out of the public record, leaving a dated public notice."""
    _require_reviewer(by, record)
    if not note or not note.strip():
        raise ValidationError({"correction_note": "Say publicly why the record is withdrawn."})
    problem = withdrawal_date_problem(on_date) if on_date is not None else None
    if problem:
        raise ValidationError({"withdrawn_on": problem}, code="withdrawal_date")
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


def draft_send_back(record: P, *, by: User, note: str) -> P:
    """Return a draft to its editors with a reviewer's note; it is published only once
    someone has saved it since (the save that follows moves its version on)."""
    _require_reviewer(by, record)
    if not note or not note.strip():
        raise ValidationError({"review_note": "Tell the editor what to change."})
    with transaction.atomic():
        refuse_unless_draft(record, "sent back")
        record.review_note = note.strip()
        record.sent_back_at = timezone.now()
        record.sent_back_version = record.version + 1  # the version this write gives it
        save_record(record, by=by, action=Change.Action.SEND_BACK)
    return record
