"""The bulk path of the services, for large loads (the benchmark generator, an importer).

`create_records` validates every record as `save_record` does (`full_clean`, which runs
the model's `clean`), then writes the records, their many-to-many rows, their history
rows (with the many-to-many history that simple-history keeps for `m2m_fields`) and their
change-log rows, one insert per table and batch. Two checks that `full_clean` would make
one query at a time are made set-wise instead: that each foreign key points at a row
(one query per field and batch), and uniqueness, which is left to the database's
constraints (a violation aborts the whole transaction).

The records go through the ORM's `bulk_create` (they need their primary keys back); the
rows that go with them are plain rows, written without model instances (COPY on
PostgreSQL), because at 50,000 statements the ORM's cost per row and field is most of
the run.

It sends no `record_changed`: a caller that loads records which move derived data (the
current status of an issue, a party's current position) refreshes that data itself,
set-wise, in the same transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from negotrack.models import Change
from negotrack.records import Record, User, created_fields, require_permission, service_write

R = TypeVar("R", bound=Record)

BATCH_SIZE = 2000
_MAX_REPORTED = 10  # problems quoted in one error; the rest are counted
_IN_CHUNK = 900  # ids in one IN (…): under SQLite's oldest limit on parameters


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
            for field_name, messages in error.message_dict.items():
                add(index, field_name, messages)
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
        target = cast(str, field.remote_field.field_name)  # set once the model is loaded
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
    by: User,
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
    require_permission(by, model, "add")
    records = list(records)
    m2m = {name: list(values) for name, values in (m2m or {}).items()}
    for name, values in m2m.items():
        # Any: any kind of field may be named here, and the checks below tell.
        field: Any = model._meta.get_field(name)
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
            # What the change log reads of related records (and `clean()` often does too), set-wise.
            prefetch_related_objects(batch, *model.change_log_relations)
            validate_records(model, batch, using=using, first_number=start + 1)
            batch_m2m = {name: values[start : start + batch_size] for name, values in m2m.items()}
            _write_batch(model, batch, batch_m2m, user=user, using=using)
    return records


def _write_batch(
    model: type[R],
    batch: Sequence[R],
    m2m: Mapping[str, Sequence[Sequence[models.Model]]],
    *,
    user: User | None,
    using: str,
) -> None:
    for record in batch:
        record.version = 1
    with service_write():
        # The ORM here: the records get their primary keys and their saved state.
        model._default_manager.using(using).bulk_create(batch)
    user_id = user.pk if user is not None else None

    for name, values in m2m.items():
        field: Any = model._meta.get_field(name)  # a many-to-many field, checked by create_records
        through = field.remote_field.through
        owner, target = (
            through._meta.get_field(field.m2m_field_name()),
            through._meta.get_field(field.m2m_reverse_field_name()),
        )
        rows: list[tuple[Any, ...]] = [
            (record.pk, related.pk)
            for record, related_objects in zip(batch, values, strict=True)
            for related in related_objects
        ]
        insert_rows(through, [owner, target], rows, using=using)

    history_model = model.history.model
    included = model._record_history.fields_included(batch[0])
    columns = [history_model._meta.get_field(f.name) for f in included]
    columns += [history_model._meta.get_field(name) for name in ("history_date", "history_type", "history_user")]
    rows = [(*(getattr(record, f.attname) for f in included), record.created_at, "+", user_id) for record in batch]
    insert_rows(history_model, columns, rows, using=using)
    for field in history_model._history_m2m_fields:
        if m2m.get(field.name):
            _copy_m2m_history(model, field, [record.pk for record in batch], using=using)

    # The change log's txid is left to the database's default: the writing transaction.
    changed = created_fields(model)
    now = timezone.now()
    columns = [
        Change._meta.get_field(name)
        for name in (
            "occurred_at",
            "action",
            "record_type",
            "record_uuid",
            "record_version",
            "publication_state",
            "changed_fields",
            "refs",
            "user",
        )
    ]
    rows = [
        (
            now,
            Change.Action.CREATE,
            model._meta.label_lower,
            record.uuid,
            1,
            record.change_publication_state(),
            changed,
            record.change_refs(),
            user_id,
        )
        for record in batch
    ]
    insert_rows(Change, columns, rows, using=using)


# Internal types whose Python values the database driver writes as Django would, so
# that insert_rows can skip Field.get_db_prep_save (a few microseconds a value).
_DRIVER_NATIVE = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "IntegerField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallAutoField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}
_DRIVER_NATIVE_POSTGRESQL = _DRIVER_NATIVE | {"DateField", "DateTimeField", "UUIDField"}


def insert_rows(
    model: type[models.Model],
    fields: Sequence[Any],
    rows: Iterable[tuple[Any, ...]],
    *,
    using: str,
    encoded_json: bool = False,
) -> None:
    """Insert rows of Python values (no model instances, no keys returned): COPY with
    psycopg 3, one executemany elsewhere. The rows may come from a generator, made while
    the database takes the ones before. `encoded_json`: the values of JSON fields come as
    JSON text already, as both databases take it."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    rows = itertools.chain([first], rows)
    connection = connections[using]
    native = _DRIVER_NATIVE_POSTGRESQL if connection.vendor == "postgresql" else _DRIVER_NATIVE
    converters = []
    for field in fields:
        target = field.target_field if field.is_relation else field
        taken = target.get_internal_type() in native or (encoded_json and isinstance(target, models.JSONField))
        converters.append(None if taken else field.get_db_prep_save)
    if any(converters):
        rows = (
            tuple(
                value if convert is None or value is None else convert(value, connection)
                for convert, value in zip(converters, row, strict=True)
            )
            for row in rows
        )
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        if hasattr(cursor.cursor, "copy"):  # psycopg 3
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(rows))


def _copy_m2m_history(model: type[Record], field: Any, pks: Sequence[Any], *, using: str) -> None:
    """What simple-history's create_historical_record_m2ms writes: a copy of each
    through row of the new records, pointing at the record's history row; here in one
    INSERT … SELECT per chunk of records."""
    connection = connections[using]
    quote = connection.ops.quote_name
    history_model = model.history.model
    m2m_history_model = model._record_history.m2m_models[field]
    through = field.remote_field.through
    owner = through._meta.get_field(field.m2m_field_name())
    copied = list(through._meta.fields)
    columns = [m2m_history_model._meta.get_field(f.name).column for f in copied]
    columns.append(m2m_history_model._meta.get_field("history").column)
    selected = [f"t.{quote(f.column)}" for f in copied] + [f"h.{quote(history_model._meta.pk.column)}"]
    record_id = history_model._meta.get_field(model._meta.pk.name).column
    for start in range(0, len(pks), _IN_CHUNK):
        chunk = pks[start : start + _IN_CHUNK]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(m2m_history_model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
                f"SELECT {', '.join(selected)} FROM {quote(through._meta.db_table)} t "
                f"JOIN {quote(history_model._meta.db_table)} h ON h.{quote(record_id)} = t.{quote(owner.column)} "
                f"WHERE h.history_type = '+' AND t.{quote(owner.column)} IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
