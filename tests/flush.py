"""A committing test (`transaction=True`) on PostgreSQL: the flush after it is a DELETE of
each table, as Django's SQLite backend flushes, instead of one TRUNCATE of them all; and
a serialized rollback puts the rows back a table at a time, instead of a row at a time.

PostgreSQL's TRUNCATE gives every table and each of its indexes a new file, however few
rows it holds: for the suite's 80 tables that took 0.5 to 0.8 s on this project's machine,
empty or not, where the DELETEs of the few rows a test commits take a few milliseconds.
Either way every table is left empty and every sequence where it was (the flush after a
test never resets them). The foreign keys Django makes on PostgreSQL are checked at
commit, so the order of the tables does not matter.

`manage.py flush`, which resets the sequences, and a flush that cascades (a test with
`available_apps`) keep Django's TRUNCATE.

A serialized rollback puts back, before each such test, what the migrations left in the
database (content types, permissions, the editorial groups and their permissions): Django
saves each row on its own, an UPDATE that finds nothing and then an INSERT, 0.2 s for the
suite's 345 rows; here each table's rows are one INSERT. The rows, their primary keys and
the groups' permissions are the same, and the foreign keys are checked before the test
begins, as Django checks them.
"""

from collections import defaultdict

from django.core import serializers
from django.db import transaction
from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations

truncate = DatabaseOperations.sql_flush
save_row_by_row = DatabaseCreation.deserialize_db_from_string


def delete_each_table(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or allow_cascade or not tables:
        return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
    return [
        f"{style.SQL_KEYWORD('SET CONSTRAINTS ALL DEFERRED')};",
        *(f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables),
    ]


def insert_each_table(self, data):
    alias = self.connection.alias
    rows = defaultdict(list)
    links = defaultdict(lambda: ([], []))  # (through, its column to the row): (the rows' pks, links)
    for deserialized in serializers.deserialize("json", data, using=alias):
        row = deserialized.object
        if row._meta.parents:
            return save_row_by_row(self, data)  # a multi-table child: bulk_create cannot make one
        rows[type(row)].append(row)
        for name, values in (deserialized.m2m_data or {}).items():
            field = row._meta.get_field(name)
            through = field.remote_field.through  # made by Django: the serializer writes no other
            source = through._meta.get_field(field.m2m_field_name()).attname
            target = through._meta.get_field(field.m2m_reverse_field_name()).attname
            owners, made = links[through, source]
            owners.append(row.pk)
            made += [through(**{source: row.pk, target: value}) for value in values]
    with transaction.atomic(using=alias):
        for model, made in rows.items():
            # A row already there (before the first committing test, the migrations' own) is
            # updated to what was serialized, as Django's save would.
            fields = [field.name for field in model._meta.concrete_fields if not field.primary_key]
            upsert = {"update_conflicts": True, "unique_fields": ["pk"], "update_fields": fields}
            model._base_manager.using(alias).bulk_create(made, **(upsert if fields else {"ignore_conflicts": True}))
        for (through, source), (owners, made) in links.items():
            # As `set()`: each row's links become exactly those serialized.
            through._base_manager.using(alias).filter(**{f"{source}__in": owners}).delete()
            through._base_manager.using(alias).bulk_create(made)
        self.connection.check_constraints()
