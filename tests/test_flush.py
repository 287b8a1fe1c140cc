"""The committing tests' flush and put-back on PostgreSQL (tests/flush.py) leave the
database as Django's own would: every table empty after the flush, and after the put-back
the same rows as Django's row-by-row one, over tables emptied or changed."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection

from tests import flush
from tests.factories import StatementFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def every_row() -> dict[str, list[str]]:
    """Each table's rows; a many-to-many link without its id, which neither put-back keeps."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        rows = model._base_manager.values_list()
        tables[model._meta.db_table] = sorted(repr(row[1:] if model._meta.auto_created else row) for row in rows)
    return tables


def flushed() -> None:
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)


def test_the_flush_empties_every_table():
    StatementFactory()
    flushed()
    assert {table: rows for table, rows in every_row().items() if rows} == {}


def test_the_put_back_makes_the_rows_djangos_makes():
    serialized = connection._test_serialized_contents
    flushed()
    flush.save_row_by_row(connection.creation, serialized)
    djangos = every_row()
    assert djangos["auth_group"] and djangos["auth_group_permissions"] and djangos["auth_permission"]

    flushed()
    flush.insert_each_table(connection.creation, serialized)
    assert every_row() == djangos

    # Over rows that are there but changed, as before the first committing test.
    editors = Group.objects.get(name="Editors")
    editors.name = "Renamed"
    editors.save()
    editors.permissions.clear()
    Group.objects.get(name="Reviewers").permissions.add(*Permission.objects.all()[:20])
    Permission.objects.filter(pk=Permission.objects.first().pk).update(name="changed")
    flush.insert_each_table(connection.creation, serialized)
    assert every_row() == djangos
