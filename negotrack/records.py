"""The base of every record, and the one write path that every app's services build on.

A record (everything but derived data) carries a UUID that survives export and import, a
version that every save checks, created/updated times and its history. Records are
written only inside `service_write()`, which the functions here open: a stray
`save()`, `delete()`, `QuerySet.update()` or bulk write elsewhere raises
`WriteOutsideServices`, so the admin, the API, the commands and the importer cannot
take a path that skips the history, the version check or the change log.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar, cast

from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import prefetch_related_objects
from django.db.models.deletion import Collector
from django.dispatch import Signal
from django.utils import timezone
from simple_history.models import HistoricalRecords

from negotrack.models import Change, PendingRevision
from negotrack.registry import DRAFT, shown_publicly
from negotrack.text import MAX_JSON_DEPTH, json_problem, text_problem

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Account

# Who writes: `by` in every service. The signed-in account from a request (anonymous when
# nobody is, which the permission check refuses) or the system user of the commands.
User: TypeAlias = "Account | AnonymousUser"

_in_service_write: ContextVar[bool] = ContextVar("negotrack_service_write", default=False)

# Sent inside the writing transaction after every save or delete of a record, so that
# the layers above (current status, timeline marks) follow changes to the layers below
# without those importing them. Arguments: record, action, changed_fields, by.
record_changed = Signal()

R = TypeVar("R", bound="Record")


class WriteOutsideServices(RuntimeError):
    """A write to the record that did not go through a service function."""


class VersionConflict(ValidationError):
    """The record changed in the database since the caller read it."""

    def __init__(self, record: Record, current_version: int):
        self.current_version = current_version
        name = record._meta.verbose_name
        super().__init__(
            f"This {name} was changed by someone else while you were editing it (you started from "
            f"version {record.version}, it is now at version {current_version}). Reload it to see "
            "their changes, then make yours again.",
            code="version_conflict",
        )


class RecordLocked(ValidationError):
    """A change aimed at a record that is no longer editable in place (a published one)."""


@contextmanager
def service_write() -> Iterator[None]:
    token = _in_service_write.set(True)
    try:
        yield
    finally:
        _in_service_write.reset(token)


def _require_service_write(what: str) -> None:
    if not _in_service_write.get():
        raise WriteOutsideServices(
            f"{what} on a record must go through its app's service functions "
            "(they keep history, the version check and the change log)."
        )


class RecordQuerySet(models.QuerySet):
    """Refuses writes that would go around the services."""

    def update(self, **kwargs: Any) -> int:
        _require_service_write("QuerySet.update()")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        _require_service_write("QuerySet.delete()")
        return super().delete()

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        _require_service_write("bulk_create()")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> int:
        _require_service_write("bulk_update()")
        return super().bulk_update(objs, *args, **kwargs)


def refuse_m2m_writes_outside_services(sender: type[models.Model], action: str, **kwargs: Any) -> None:
    """Connected to `m2m_changed` for the records' many-to-many tables."""
    if action in ("pre_add", "pre_remove", "pre_clear"):
        _require_service_write("Changing a many-to-many field")


class RecordHistory(HistoricalRecords):
    """django-simple-history, one history row per service write.

    The services write a record and its many-to-many fields in one go and then add a
    single history row for the whole change (the library alone would add one more row
    for every many-to-many change).
    """

    def finalize(self, sender: type[models.Model], **kwargs: Any) -> None:
        super().finalize(sender, **kwargs)
        if not sender._meta.abstract and self.cls is sender:
            sender._record_history = self


class Record(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="UUID")
    version = models.PositiveIntegerField(default=0, editable=False, help_text="bumped by every save")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordQuerySet.as_manager()

    # Fields whose change is not a change of the record itself (derived values kept by
    # the services): they never count as "changed" in the change log.
    derived_fields: tuple[str, ...] = ()
    # Constraint name -> the form field its violation message belongs beside.
    constraint_error_fields: dict[str, str] = {}
    # Relations that change_refs() and change_publication_state() read: the bulk path and
    # cascading deletes load them set-wise.
    change_log_relations: tuple[str, ...] = ()

    # Filled in by simple-history and the write path, never declared as values here:
    # simple-history tests `skip_history_when_saving` with hasattr().
    _record_history: ClassVar[RecordHistory]  # set by RecordHistory.finalize
    history: ClassVar[Any]  # each model's `history = RecordHistory()`, a manager once finalized
    _history_user: User | None
    skip_history_when_saving: bool
    # Set by save_record when an editor's change was kept for review instead of saved.
    pending_revision: PendingRevision | None = None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        _require_service_write("save()")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _require_service_write("delete()")
        return super().delete(*args, **kwargs)

    def change_refs(self) -> dict[str, str]:
        """Natural references for the change log, for records that other tools cannot
        place by UUID alone once they are deleted."""
        return {}

    def change_publication_state(self) -> str:
        """The publication state the change log keeps with a change of this record: the
        changes feed hides what is in draft from the public."""
        return getattr(self, "state", "") or ""

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        """Django's checks of each field, and the characters a text may hold
        (negotrack.text): whatever interface a value came through, the record refuses it."""
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = {name: list(found) for name, found in error.error_dict.items()}
        for field in self._meta.concrete_fields:
            if (exclude and field.name in exclude) or field.name in errors:
                continue
            value = getattr(self, field.attname)
            problem = None
            if isinstance(value, str):
                problem = text_problem(value, single_line=not isinstance(field, models.TextField))
            elif isinstance(field, models.JSONField) and value is not None:
                problem = json_problem(value, max_depth=MAX_JSON_DEPTH)
            if problem:
                errors[field.name] = [ValidationError(problem, code="control_character")]
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Collection[str] | None = None) -> None:
        # Django files a many-field constraint's message at the top of the form; our
        # constraints name the field an editor has to change.
        errors: dict[str, list[ValidationError]] = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(
                        model_class,
                        self,
                        exclude=exclude,  # type: ignore[arg-type]  # the stubs want a set; Django reads any collection
                        using=router.db_for_write(type(self)),
                    )
                except ValidationError as error:
                    field = self.constraint_error_fields.get(constraint.name)
                    if (
                        field is None
                        and getattr(error, "code", None) == "unique"
                        and isinstance(constraint, models.UniqueConstraint)
                        and len(constraint.fields) == 1
                    ):
                        field = constraint.fields[0]
                    errors.setdefault(field or "__all__", []).append(error)
        if errors:
            raise ValidationError(errors)


def _field_values(record: models.Model) -> dict[str, Any]:
    return {field.attname: getattr(record, field.attname) for field in record._meta.concrete_fields}


_BOOKKEEPING = {"id", "version", "created_at", "updated_at"}


def created_fields(model: type[Record]) -> list[str]:
    """The fields a create logs as changed: all but bookkeeping and derived values."""
    return [
        f.name for f in model._meta.concrete_fields if f.name not in _BOOKKEEPING and f.name not in model.derived_fields
    ]


def log_change(
    record: Record,
    action: str,
    *,
    by: User,
    changed_fields: Sequence[str] = (),
    publication_state: str | None = None,
) -> Change:
    return Change.objects.create(
        action=action,
        record_type=record._meta.label_lower,
        record_uuid=record.uuid,
        record_version=record.version,
        publication_state=record.change_publication_state() if publication_state is None else publication_state,
        changed_fields=list(changed_fields),
        refs=record.change_refs(),
        # An anonymous user has no pk, so what is left is an account.
        user=cast("Account | None", by if getattr(by, "pk", None) else None),
    )


def require_permission(by: User | None, model: type[models.Model], action: str) -> None:
    """The services check who writes, so that every interface (admin, API, commands) holds
    the same rules; commands write as the system user."""
    codename = f"{model._meta.app_label}.{action}_{model._meta.model_name}"
    if by is None or not by.has_perm(codename):
        raise PermissionDenied(f"{by or 'Nobody signed in'} may not {action} {model._meta.verbose_name_plural}.")


def may_publish_changes(by: User | None) -> bool:
    """Reviewers (and superusers, and the commands' system user): their changes to what
    published records show are public at once."""
    return by is not None and by.has_perm("negotrack.publish_pendingrevision")


def awaits_review(stored: Record, by: User) -> bool:
    """Whether a change by `by` to `stored` must wait for a reviewer: published records
    show it, and `by` is not a reviewer."""
    return not may_publish_changes(by) and shown_publicly(stored)


def serialized_values(record: Record, names: Sequence[str], m2m: Mapping[str, Iterable[Any]] | None = None) -> dict:
    """The values of `names` on `record` as Django's JSON serializer writes them (related
    records by primary key); many-to-many values from `m2m` where given, else stored."""
    many = {f.name for f in record._meta.many_to_many}
    concrete = [name for name in names if name not in many]
    fields: dict[str, Any] = json.loads(serializers.serialize("json", [record], fields=concrete))[0]["fields"]
    for name in names:
        if name in many:
            values = (m2m or {}).get(name)
            pks = (
                [obj.pk for obj in values] if values is not None else getattr(record, name).values_list("pk", flat=True)
            )
            fields[name] = sorted(pks)
    return fields


def propose_change(
    stored: Record, record: Record, changed: Sequence[str], m2m: Mapping[str, Iterable[Any]], *, by: User
) -> PendingRevision:
    """Keep an editor's change for review instead of saving it (DESIGN.md, Publication).

    A second change by the same editor to the same record, while the first still waits,
    joins it: the reviewer sees one change per editor and record, with the latest values.
    """
    label = record._meta.label_lower
    before = serialized_values(stored, changed)
    after = serialized_values(record, changed, m2m)
    revision = (
        PendingRevision.objects.select_for_update()
        .filter(record_type=label, record_uuid=record.uuid, state=PendingRevision.State.OPEN, proposed_by=by.pk)
        .first()
    )
    if revision is None:
        revision = PendingRevision(record_type=label, record_uuid=record.uuid, proposed_by_id=by.pk)
    else:
        before = {**before, **revision.before}
        after = {**revision.after, **after}
    revision.base_version = stored.version
    revision.before, revision.after = before, after
    revision.changed_fields = [name for name in before if before[name] != after.get(name)]
    revision.proposed_at = timezone.now()
    if revision.changed_fields:
        revision.save()
    elif revision.pk:
        # The editor set the fields back to what the record holds: nothing is left to review.
        revision.delete()
    log_change(stored, Change.Action.PROPOSE, by=by, changed_fields=changed, publication_state=DRAFT)
    return revision


def _check_version(record: Record, locked_version: int) -> None:
    if record.version != locked_version:
        raise VersionConflict(record, locked_version)


def _check_slug_kept(stored: models.Model, record: models.Model) -> None:
    """Slugs name records in links and in other tools: once fixed, they never change."""
    old_slug = getattr(stored, "slug", None)
    if old_slug is None or old_slug == getattr(record, "slug", None) or getattr(stored, "slug_is_provisional", False):
        return
    raise ValidationError({"slug": f"The slug {old_slug!r} is fixed: links and other tools depend on it."})


def save_record(
    record: R,
    *,
    by: User,
    m2m: Mapping[str, Iterable[models.Model]] | None = None,
    action: str | None = None,
) -> R:
    """Validate and save one record with its many-to-many fields, in one transaction.

    `record.version` must be the version the caller read: a save over a newer version
    raises VersionConflict and changes nothing. Writes one history row (with `by` as its
    user) and one change-log row, then sends `record_changed`.
    """
    model = type(record)
    creating = record._state.adding
    require_permission(by, model, "add" if creating else "change")
    action = action or (Change.Action.CREATE if creating else Change.Action.UPDATE)
    m2m = dict(m2m or {})
    with transaction.atomic(using=router.db_for_write(model)):
        if creating:
            changed = created_fields(model)
            record.version = 0
            record.full_clean()
        else:
            stored = model._base_manager.select_for_update().get(pk=record.pk)
            _check_version(record, stored.version)
            _check_slug_kept(stored, record)
            # Clean first: a value that cleans to what is stored is no change.
            record.full_clean()
            before, after = _field_values(stored), _field_values(record)
            changed = [
                f.name
                for f in model._meta.concrete_fields
                if f.name not in _BOOKKEEPING
                and f.name not in model.derived_fields
                and before[f.attname] != after[f.attname]
            ]
            for name, values in m2m.items():
                if {obj.pk for obj in getattr(stored, name).all()} != {obj.pk for obj in values}:
                    changed.append(name)
            if not changed and action == Change.Action.UPDATE:
                # Saving what is already stored is no change: no version, history or log row.
                return record
            if changed and awaits_review(stored, by):
                # Written on trial and rolled back, so that every rule of the write, and of
                # those that follow it (`record_changed`), judges the change now, not when
                # a reviewer publishes it; then it waits for review.
                try:
                    with transaction.atomic(using=router.db_for_write(model)):
                        _write(record, stored.version + 1, by=by, m2m=m2m, action=action, changed=changed)
                        raise _TrialWrite
                except _TrialWrite:
                    record.version = stored.version
                record.pending_revision = propose_change(stored, record, changed, m2m, by=by)
                return record
        _write(record, 1 if creating else stored.version + 1, by=by, m2m=m2m, action=action, changed=changed)
    return record


class _TrialWrite(Exception):
    """Rolls back a write made only to have its rules judge a change awaiting review."""


def _write(
    record: Record,
    version: int,
    *,
    by: User,
    m2m: Mapping[str, Iterable[models.Model]],
    action: str,
    changed: Sequence[str],
) -> None:
    """The record, its many-to-many values, its history and change-log rows, and the
    signal to the layers above: the write itself, once `save_record` has checked it."""
    model = type(record)
    creating = record._state.adding
    record.version = version
    record._history_user = by
    record.skip_history_when_saving = True
    try:
        with service_write():
            record.save()
            for name, values in m2m.items():
                getattr(record, name).set(list(values))
    finally:
        del record.skip_history_when_saving
    model._record_history.create_historical_record(record, "+" if creating else "~")
    log_change(record, action, by=by, changed_fields=changed)
    record_changed.send(sender=model, record=record, action=action, changed_fields=changed, by=by)


def delete_record(record: Record, *, by: User) -> None:
    """Delete a record and whatever cascades from it, each with its history and change-log row."""
    model = type(record)
    require_permission(by, model, "delete")
    using = router.db_for_write(model)
    with transaction.atomic(using=using):
        stored = model._base_manager.select_for_update().get(pk=record.pk)
        _check_version(record, stored.version)
        if awaits_review(stored, by):
            raise PermissionDenied(
                f"Published records show this {model._meta.verbose_name}: only a reviewer may delete it."
            )
        collector = Collector(using=using, origin=record)
        collector.collect([record])
        doomed: list[Record] = []
        for doomed_model, instances in collector.data.items():
            if issubclass(doomed_model, Record):
                instances = list(instances)
                prefetch_related_objects(instances, *doomed_model.change_log_relations)
                doomed.extend(cast("list[Record]", instances))
        for obj in doomed:
            obj._history_user = by
            log_change(obj, Change.Action.DELETE, by=by)
        with service_write():
            collector.delete()
        for obj in doomed:
            record_changed.send(sender=type(obj), record=obj, action="delete", changed_fields=[], by=by)
