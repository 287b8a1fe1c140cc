"""Putting back an earlier version of a record, from its history.

A restore is an ordinary write: it goes through the save service of the record's app, so
the permission check, the version check, validation, the history row, the change-log row
and the timeline marks all happen as for any other edit, in one transaction. A published
record is never edited in place: restoring one of its earlier versions starts a
correction that carries those values. A deleted record is created again with its UUID.

Which service saves which record, and what else it takes, comes from the registry of
record types (negotrack.registry), which the apps fill: this module imports no app.
"""

from __future__ import annotations

import uuid as uuid_module
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from simple_history.utils import get_m2m_reverse_field_name

from negotrack.models import Change
from negotrack.records import Record, RecordLocked, User, VersionConflict, require_permission
from negotrack.registry import DRAFT, PUBLISHED, LinkedRecords, RecordType, require_record_type
from negotrack.registry import record_type as registry_entry

# Never restored: identity and bookkeeping, the publication history (a restore is an edit
# of the content), and values the services derive.
NOT_RESTORED = {
    "id", "uuid", "version", "created_at", "updated_at",
    "state", "revises", "published_at", "published_by", "review_note", "sent_back_at", "sent_back_version",
    "withdrawn_on", "correction_note", "superseded_at", "is_current", "current_status",
}  # fmt: skip
# Slugs never change once fixed: they come back only with a deleted record.
SLUG_FIELDS = {"slug", "slug_is_provisional"}


def record_model(record_type: str) -> type[Record]:
    """The registered record model named `app_label.model_name`, or a ValidationError."""
    registered = registry_entry(record_type.lower())
    if registered is None or not hasattr(registered.model, "_record_history"):
        raise ValidationError(f"{record_type!r} is not a kind of record.", code="unknown_record_type")
    return registered.model


def restored_fields(model: type[Record], *, recreating: bool) -> list[models.Field]:
    history_model = model._record_history.cls.history.model
    tracked = {field.name for field in history_model.tracked_fields}
    skipped = NOT_RESTORED | set(model.derived_fields) | (set() if recreating else SLUG_FIELDS)
    return [field for field in model._meta.concrete_fields if field.name in tracked and field.name not in skipped]


def m2m_at(version: Any, field_name: str) -> list[int]:
    """The pks a many-to-many field held at a historical version."""
    field = version.instance_type._meta.get_field(field_name)
    target = get_m2m_reverse_field_name(field)
    return sorted(getattr(version, field_name).values_list(f"{target}_id", flat=True))


def linked_ids_at(version: Any, links: LinkedRecords, *, record_label: str) -> list[int]:
    """What a record was linked to as of one of its versions (a statement's issues).

    The services save a record, then its links: the links of a version are those in
    place just before the record's next version (or now, for its latest)."""
    later = (
        type(version)
        .objects.filter(uuid=version.uuid, history_date__gt=version.history_date)
        .order_by("history_date", "history_id")
        .values_list("history_date", "history_type")
        .first()
    )
    if later is not None and later[1] == "-":
        # The deletion removes the links first (a cascade), after logging the change:
        # the links of the last version are those in place when the deletion began.
        began = (
            Change.objects.filter(record_type=record_label, record_uuid=version.uuid, action=Change.Action.DELETE)
            .filter(occurred_at__lte=later[0])
            .order_by("-id")
            .values_list("occurred_at", flat=True)
            .first()
        )
        later = (began or later[0], "-")
    later = later[0] if later is not None else None
    rows = links.model().history.filter(**{f"{links.owner_field}_id": version.id})
    if later is not None:
        rows = rows.filter(history_date__lt=later)
    latest: dict[uuid_module.UUID, tuple[str, int]] = {}
    for link_uuid, change, target_id in rows.order_by("history_date", "history_id").values_list(
        "uuid", "history_type", f"{links.target_field}_id"
    ):
        latest[link_uuid] = (change, target_id)
    return sorted({target_id for change, target_id in latest.values() if change != "-"})


def _refuse_missing_targets(registered: RecordType, values: dict[str, Any], m2m: dict[str, list[int]]) -> None:
    model = registered.model
    links = registered.links
    errors: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        if field.is_relation and field.attname in values and values[field.attname] is not None:
            related: Any = field.related_model  # a relation: never None
            if not related._base_manager.filter(pk=values[field.attname]).exists():
                errors[field.name] = (
                    f"The {related._meta.verbose_name} this version points to no longer exists: "
                    "restore it first, or edit the record instead."
                )
    for name, pks in m2m.items():
        linked = links is not None and name == links.attribute
        related = links.target_model() if linked else model._meta.get_field(name).related_model  # type: ignore[union-attr]  # linked: links is set
        found = set(related._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
        if len(found) < len(set(pks)):
            errors[links.argument if linked else name] = (  # type: ignore[union-attr]  # as above
                f"Some {related._meta.verbose_name_plural} of this version no longer exist: "
                "restore them first, or edit the record instead."
            )
    if errors:
        raise ValidationError(errors)


def _current_m2m(record: Record, registered: RecordType) -> dict[str, list[int]]:
    current = {name: sorted(getattr(record, name).values_list("pk", flat=True)) for name in registered.many}
    links = registered.links
    if links is not None:
        rows = getattr(record, links.attribute).values_list(f"{links.target_field}_id", flat=True)
        current[links.attribute] = sorted(rows)
    return current


@transaction.atomic
def restore_version(
    *, record_type: str, uuid: uuid_module.UUID, history_id: int, by: User, expected_version: int
) -> Record:
    """Put back the values of one historical version of a record, through its save service.

    `expected_version` is the record's version the caller saw (for a deleted record, its
    last version): a restore over a newer one raises VersionConflict. Returns the record
    saved, or, for a published record, the correction draft that carries the values.
    A restore that would change nothing writes nothing and returns the record as it is.
    """
    model = record_model(record_type)
    registered = registry_entry(record_type)
    if registered is not None and registered.part_of is not None:
        owner = require_record_type(registered.part_of).model._meta.verbose_name
        raise ValidationError(
            f"{str(model._meta.verbose_name_plural).capitalize()} come back with a version of the {owner}.", code="link"
        )
    if registered is None or registered.save is None:
        raise ValidationError(f"Records of type {record_type} cannot be restored.", code="unknown_record_type")
    save_service = registered.save
    history = model._record_history.cls.history.model
    version = history.objects.filter(uuid=uuid, history_id=history_id).first()
    if version is None:
        raise ValidationError("This version is not in the record's history.", code="no_such_version")
    if version.history_type == "-":
        raise ValidationError("This version is the record's deletion: pick a version before it.", code="deletion")

    # Any: None only when recreating, and publishable records have a `state` Record lacks.
    record: Any = model._base_manager.select_for_update().filter(uuid=uuid).first()
    recreating = record is None
    require_permission(by, model, "add" if recreating else "change")
    values = {field.attname: getattr(version, field.attname) for field in restored_fields(model, recreating=recreating)}
    m2m = {name: m2m_at(version, name) for name in registered.many}
    links = registered.links
    if links is not None:
        m2m[links.attribute] = linked_ids_at(version, links, record_label=registered.label)
    _refuse_missing_targets(registered, values, m2m)

    if recreating:
        last = history.objects.filter(uuid=uuid).order_by("-history_date", "-history_id").first()
        if last.history_type != "-" or last.version != expected_version:
            raise ValidationError(
                "This record was changed by someone else meanwhile: reload its history and try again.",
                code="version_conflict",
            )
        record = model(uuid=uuid, **values)
    else:
        if record.version != expected_version:
            stale = model(version=expected_version)
            raise VersionConflict(stale, record.version)
        current_values = {name: getattr(record, name) for name in values}
        if current_values == values and _current_m2m(record, registered) == m2m:
            return record
        if registered.publishable:
            if record.state == PUBLISHED and registered.correct is not None:
                record = registered.correct(record, by=by)
            elif record.state != DRAFT:
                raise RecordLocked(
                    f"This {model._meta.verbose_name} is {record.get_state_display()}: it stays on the public "
                    "record as a correction notice and cannot be restored.",
                    code="correction_notice",
                )
        for name, value in values.items():
            setattr(record, name, value)

    extra: dict[str, Any] = {
        # A many-to-many field always has a related model.
        name: list(model._meta.get_field(name).related_model._base_manager.filter(pk__in=m2m[name]))  # type: ignore[union-attr]
        for name in registered.many
    }
    if links is not None:
        extra[links.argument] = list(links.target_model()._base_manager.filter(pk__in=m2m[links.attribute]))
    extra.update(registered.restore_options)
    return save_service(record, by=by, **extra)
