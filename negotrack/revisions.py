"""Changes awaiting review: an editor's change to a record that published records show
waits as a PendingRevision (negotrack.records keeps it) until a reviewer publishes it,
which saves it through the record's own service as the reviewer, or discards it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from negotrack.display import FieldChange, Labels, display_value
from negotrack.models import Change, PendingRevision
from negotrack.records import Record, User, log_change, may_publish_changes, serialized_values
from negotrack.registry import DRAFT, require_record_type

# What an editor is told when a change waits for a reviewer.
AWAITS_REVIEW = (
    "Published records show this {name}, so your change awaits a reviewer: the review queue lists it, "
    "and pages, feeds and the API show the {name} as it was until it is published."
)


class StaleRevision(ValidationError):
    """The fields a revision changes were changed meanwhile: publishing it would undo that."""


def open_revisions() -> QuerySet[PendingRevision]:
    return PendingRevision.objects.filter(state=PendingRevision.State.OPEN).select_related("proposed_by")


def revision_record(revision: PendingRevision) -> Record | None:
    """The record a revision changes, as it stands; None once it is deleted."""
    model = require_record_type(revision.record_type).model
    return model._base_manager.filter(uuid=revision.record_uuid).first()


def _require_reviewer(by: User) -> None:
    if not may_publish_changes(by):
        raise PermissionDenied("Only reviewers publish or discard changes awaiting review.")


def _require_open(revision: PendingRevision) -> None:
    if not revision.is_open:
        raise ValidationError(f"This change was {revision.get_state_display()} already.", code="resolved")


def _proposed(revision: PendingRevision, record: Record) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The proposed values as the record's attributes, and its many-to-many lists by name."""
    document = [{"model": revision.record_type, "pk": record.pk, "fields": revision.after}]
    found = next(serializers.deserialize("json", json.dumps(document)))
    values = {}
    for name in revision.after:
        model_field = record._meta.get_field(name)
        if not model_field.many_to_many:
            attname = model_field.attname  # type: ignore[union-attr]  # a concrete field
            values[attname] = getattr(found.object, attname)
    many = {
        name: list(record._meta.get_field(name).related_model._default_manager.filter(pk__in=pks))  # type: ignore[union-attr]
        for name, pks in (found.m2m_data or {}).items()
    }
    return values, many


def revision_publish(revision: PendingRevision, *, by: User) -> Record:
    """Save the proposed change through the record's service, as the reviewer, and close
    the revision; the history keeps who proposed it."""
    _require_reviewer(by)
    with transaction.atomic():
        revision = PendingRevision.objects.select_for_update().get(pk=revision.pk)
        _require_open(revision)
        record = revision_record(revision)
        if record is None:
            raise ValidationError("The record this change was for has been deleted.", code="deleted")
        if serialized_values(record, list(revision.before)) != revision.before:
            raise StaleRevision(
                "The record was changed where this change applies since it was proposed: publishing it "
                "would undo that. Discard it, and make the change again on the record as it is now.",
                code="stale",
            )
        values, many = _proposed(revision, record)
        for attname, value in values.items():
            setattr(record, attname, value)
        record._change_reason = f"proposed by {revision.proposed_by or 'a deleted account'}"[:100]  # type: ignore[attr-defined]
        registered = require_record_type(revision.record_type)
        if registered.save is None:  # pragma: no cover - parts saved with their owner are not reviewed
            raise ValidationError("This kind of record is saved with the record it belongs to.")
        saved = registered.save(record, by=by, **{name: many[name] for name in registered.many if name in many})
        revision.state, revision.resolved_at = PendingRevision.State.PUBLISHED, timezone.now()
        revision.resolved_by_id = by.pk
        revision.save(update_fields=["state", "resolved_by", "resolved_at"])
    return saved


def revision_discard(revision: PendingRevision, *, by: User, note: str = "") -> None:
    """Close a revision without applying it; `note` says why, for its editor."""
    _require_reviewer(by)
    with transaction.atomic():
        revision = PendingRevision.objects.select_for_update().get(pk=revision.pk)
        _require_open(revision)
        revision.state, revision.resolved_at = PendingRevision.State.DISCARDED, timezone.now()
        revision.resolved_by_id = by.pk
        revision.note = note.strip()
        revision.full_clean(exclude=["proposed_by", "resolved_by"])
        revision.save(update_fields=["state", "resolved_by", "resolved_at", "note"])
        record = revision_record(revision)
        if record is not None:
            log_change(record, Change.Action.DISCARD, by=by, changed_fields=revision.changed_fields,
                       publication_state=DRAFT)  # fmt: skip


@dataclass
class DescribedRevision:
    revision: PendingRevision
    record: Record | None
    changes: list[FieldChange]
    notices: list[Any] = field(default_factory=list)  # messages a page shows beside it

    @property
    def kind(self) -> str:
        return str(require_record_type(self.revision.record_type).model._meta.verbose_name)

    @cached_property
    def stale(self) -> bool:
        """Read once a revision however often a page asks (the queue's template asks twice)."""
        return self.record is not None and serialized_values(self.record, list(self.revision.before)) != (
            self.revision.before
        )


def describe_revisions(revisions: list[PendingRevision]) -> list[DescribedRevision]:
    """Each revision with its record and its changes as labelled old → new values, the
    names of related records looked up once per kind for the whole list."""
    records: dict[tuple[str, Any], Record] = {}
    by_type: dict[str, set[Any]] = {}
    for revision in revisions:
        by_type.setdefault(revision.record_type, set()).add(revision.record_uuid)
    for label, uuids in by_type.items():
        model = require_record_type(label).model
        for record in model._base_manager.filter(uuid__in=uuids):
            records[label, record.uuid] = record
    labels = Labels()
    parsed = []
    for revision in revisions:
        model = require_record_type(revision.record_type).model
        fields = [model._meta.get_field(name) for name in revision.changed_fields]
        for model_field in fields:
            if model_field.is_relation:
                for side in (revision.before, revision.after):
                    value = side.get(model_field.name)
                    labels.want(model_field.related_model, value if isinstance(value, list) else [value])  # type: ignore[arg-type]
        parsed.append((revision, fields))
    labels.load()
    described = []
    for revision, fields in parsed:
        changes = [_field_change(model_field, revision, labels) for model_field in fields]
        described.append(
            DescribedRevision(revision, records.get((revision.record_type, revision.record_uuid)), changes)
        )
    return described


def _field_change(model_field: Any, revision: PendingRevision, labels: Labels) -> FieldChange:
    old, new = revision.before.get(model_field.name), revision.after.get(model_field.name)
    label = str(model_field.verbose_name)
    if model_field.many_to_many:
        names = {pk: labels.name(model_field.related_model, pk) for pk in [*(old or []), *(new or [])]}
        return FieldChange(
            label,
            "",
            "",
            added=sorted(names[pk] for pk in set(new or []) - set(old or [])),
            removed=sorted(names[pk] for pk in set(old or []) - set(new or [])),
            is_list=True,
        )
    return FieldChange(label, display_value(model_field, _plain(model_field, old), labels),
                       display_value(model_field, _plain(model_field, new), labels))  # fmt: skip


def _plain(model_field: models.Field[Any, Any], value: Any) -> Any:
    """A serialized value as the field holds it, for display (a JSON list stays a list)."""
    if value is None or model_field.is_relation or isinstance(model_field, models.JSONField):
        return value
    try:
        return model_field.to_python(value)
    except ValidationError:
        return value
