"""A deep page of statements starts at its cursor, instead of reading every statement
before it and throwing them away: PostgreSQL's plan never reads a statement newer than the
cursor's day (the filter on the position alone, with no bound on the date, made the
newest-first index read them all, 24,950 rows for page 500 at bench scale)."""

import datetime
import json

import pytest
from django.db import connection

from issues.api.views.statements import newer_than, older_than
from issues.models import Statement
from tests.factories import RoundFactory, StatementFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def rows_read(queryset) -> int:
    """Rows the plan's scan of the statements produced plus those its filter removed."""
    with connection.cursor() as cursor:
        # The plan of a large table: the index in order, no scan of the whole table, no sort.
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")
    plan = json.loads(queryset.explain(format="json", analyze=True))[0]["Plan"]
    total = 0
    stack = [plan]
    while stack:
        node = stack.pop()
        if node.get("Relation Name") == Statement._meta.db_table:
            total += node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
        stack.extend(node.get("Plans", []))
    return total


def test_the_cursor_filter_reads_from_its_position_on():
    talks = RoundFactory(start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 1, 1))
    for n in range(120):
        StatementFactory(
            round=talks, process=talks.process, date=datetime.date(2026, 1, 1) + datetime.timedelta(n // 6)
        )
    newest_first = Statement.objects.order_by("-date", "-id")
    deep = list(newest_first)[90]  # 90 statements come before it
    page = newest_first.filter(older_than(deep.date, deep.pk))[:11]
    assert [s.pk for s in page] == [s.pk for s in list(newest_first)[91:102]]
    # 90 statements come before the position; at most the 6 of its own day may be read.
    assert rows_read(page) <= len(list(newest_first)[91:]) + 6
    back = Statement.objects.order_by("date", "id").filter(newer_than(deep.date, deep.pk))[:11]
    assert rows_read(back) <= len(list(newest_first)[:90]) + 6
