"""What every draft write shares: a published record is never edited in place, and a
draft is deleted only while it is one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from django.db import transaction
from django.db.models import Model

from issues.models import Issue, PublicationState, Publishable
from negotrack.records import RecordLocked, User, delete_record, save_record

P = TypeVar("P", bound=Publishable)


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


def save_draft(record: P, *, by: User, m2m: Mapping[str, Iterable[Model] | None]) -> P:
    """Save a draft with the many-to-many fields given (a None leaves one as it is)."""
    with transaction.atomic():
        refuse_unless_draft(record, "edited")
        return save_record(record, by=by, m2m={name: values for name, values in m2m.items() if values is not None})


def issues_outside_process(process_id: int | None, issues: Iterable[Issue]) -> str | None:
    """What is wrong when some of `issues` belong to another process than `process_id`."""
    strays = [issue.name for issue in issues if issue.process_id != process_id]
    return f"Not agenda issues of this process: {', '.join(strays)}." if strays else None


def draft_delete(record: Publishable, *, by: User) -> None:
    """Delete a draft; published records are withdrawn, never deleted."""
    with transaction.atomic():
        refuse_unless_draft(record, "deleted")
        delete_record(record, by=by)
