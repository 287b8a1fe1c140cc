"""The bulk path of the services, for large loads (the benchmark generator, an importer).

`create_records` validates every record as `save_record` does (`full_clean`, which runs
the model's `clean`), then writes the records, their many-to-many rows, their history
rows (with the many-to-many history that simple-history keeps for `m2m_fields`) and their
change-log rows, one insert per table and batch. Two checks that `full_clean` would make
one query at a time are made set-wise instead: that each foreign key points at a row
(one query per field and batch), and uniqueness, which is left to the database's
constraints (a violation aborts the whole transaction).

It sends no `record_changed`: a caller that loads records which move derived data (the
current status of an issue, a party's current position) refreshes that data itself,
set-wise, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction

from negotrack.models import Change
from negotrack.records import Record, service_write

R = TypeVar("R", bound=Record)

BATCH_SIZE = 2000
_BOOKKEEPING = {"id", "version", "created_at", "updated_at"}
_MAX_REPORTED = 10  # problems quoted in one error; the rest are counted


def _foreign_keys(model: type[models.Model]) -> list[models.ForeignKey]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and not field.remote_field.parent_link
    ]


def validate_records(model: type[R], records: Sequence[R], *, using: str, first_number: int = 1) -> None:
    """`full_clean()` for each record, with the foreign keys checked one query per field.

    Raises one ValidationError that names each faulty record by its number in the load
    (`first_number` is the number of `records[0]`).
    """
    foreign_keys = _foreign_keys(model)
    excluded = {field.name for field in foreign_keys}
    problems: dict[int, dict[str, list[str]]] = {}

    def add(index: int, field: str, messages: list[str]) -> None:
        problems.setdefault(index, {}).setdefault(field, []).extend(messages)

    for index, record in enumerate(records):
        try:
            record.full_clean(exclude=excluded, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                add(index, field, messages)
    for field in foreign_keys:
        wanted: dict[object, list[int]] = {}
        for index, record in enumerate(records):
            value = getattr(record, field.attname)
            if value in field.empty_values:
                # What Field.validate() says of an empty value (clean_fields skips blank ones).
                if not field.blank:
                    code = "null" if value is None and not field.null else "blank"
                    add(index, field.name, [str(field.error_messages[code])])
                continue
            wanted.setdefault(value, []).append(index)
        if not wanted:
            continue
        target = field.remote_field.field_name
        found = set(
            field.remote_field.model._base_manager.using(using)
            .filter(**{f"{target}__in": list(wanted)})
            .complex_filter(field.get_limit_choices_to())
            .values_list(target, flat=True)
        )
        for value, indexes in wanted.items():
            if value not in found:
                message = field.error_messages["invalid"] % {
                    "model": field.remote_field.model._meta.verbose_name,
                    "pk": value,
                    "field": target,
                    "value": value,
                }
                for index in indexes:
                    add(index, field.name, [message])
    if problems:
        name = model._meta.verbose_name
        lines = [
            f"{name} {first_number + index}: "
            + "; ".join(f"{field}: {' '.join(messages)}" for field, messages in fields.items())
            for index, fields in sorted(problems.items())[:_MAX_REPORTED]
        ]
        if len(problems) > _MAX_REPORTED:
            lines.append(f"… and {len(problems) - _MAX_REPORTED} more {model._meta.verbose_name_plural}.")
        raise ValidationError(lines, code="invalid_bulk")


def create_records(
    model: type[R],
    records: Sequence[R],
    *,
    by,
    m2m: Mapping[str, Sequence[Sequence[models.Model]]] | None = None,
    batch_size: int = BATCH_SIZE,
) -> list[R]:
    """Validate and create many new records of one model, with their history and change log.

    `m2m` maps a many-to-many field with an automatic through table to one list of
    related objects per record (`{"sources": [[source], [source, other], ...]}`); each
    record gets one history row (user `by`, type "+") that lists them, as `save_record`
    writes it, and one change-log row with action "create". All or nothing: one
    transaction, and a ValidationError before anything of a faulty batch is written.
    """
    records = list(records)
    m2m = {name: list(values) for name, values in (m2m or {}).items()}
    for name, values in m2m.items():
        field = model._meta.get_field(name)
        if not field.many_to_many or not field.remote_field.through._meta.auto_created:
            raise ValueError(f"{model.__name__}.{name} is not a many-to-many field with an automatic through table.")
        if len(values) != len(records):
            raise ValueError(f"{model.__name__}.{name}: {len(values)} value lists for {len(records)} records.")
    using = router.db_for_write(model)
    if not connections[using].features.can_return_rows_from_bulk_insert:
        raise RuntimeError("The bulk path needs a database that returns the primary keys of a bulk insert.")
    user = by if getattr(by, "pk", None) else None
    with transaction.atomic(using=using):
        for start in range(0, len(records), batch_size):
            batch = records[start : start + batch_size]
            validate_records(model, batch, using=using, first_number=start + 1)
            batch_m2m = {name: values[start : start + batch_size] for name, values in m2m.items()}
            _write_batch(model, batch, batch_m2m, user=user, using=using)
    return records


def _write_batch(model, batch, m2m, *, user, using) -> None:
    for record in batch:
        record.version = 1
    with service_write():
        model._default_manager.using(using).bulk_create(batch)

    through_rows: dict[str, list[models.Model]] = {}
    for name, values in m2m.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source_attname = through._meta.get_field(field.m2m_field_name()).attname
        target_attname = through._meta.get_field(field.m2m_reverse_field_name()).attname
        rows = [
            through(**{source_attname: record.pk, target_attname: related.pk})
            for record, related_objects in zip(batch, values, strict=True)
            for related in related_objects
        ]
        through_rows[name] = through._default_manager.using(using).bulk_create(rows)

    history = model._record_history
    history_model = model.history.model
    included = history.fields_included(batch[0])
    history_rows = history_model._default_manager.using(using).bulk_create(
        [
            history_model(
                history_type="+",
                history_user=user,
                history_date=record.created_at,
                **{field.attname: getattr(record, field.attname) for field in included},
            )
            for record in batch
        ]
    )
    history_of = {row.id: row.pk for row in history_rows}
    for field in history_model._history_m2m_fields:
        rows = through_rows.get(field.name, [])
        if not rows:
            continue
        m2m_history_model = history.m2m_models[field]
        owner_attname = field.remote_field.through._meta.get_field(field.m2m_field_name()).attname
        copied = [f.attname for f in field.remote_field.through._meta.fields]
        m2m_history_model._default_manager.using(using).bulk_create(
            [
                m2m_history_model(
                    history_id=history_of[getattr(row, owner_attname)], **{a: getattr(row, a) for a in copied}
                )
                for row in rows
            ]
        )

    changed = [f.name for f in model._meta.concrete_fields if f.name not in _BOOKKEEPING]
    Change.objects.using(using).bulk_create(
        [
            Change(
                action=Change.Action.CREATE,
                record_type=model._meta.label_lower,
                record_uuid=record.uuid,
                record_version=1,
                publication_state=getattr(record, "state", "") or "",
                changed_fields=changed,
                user=user,
            )
            for record in batch
        ]
    )
