"""Every PostgreSQL connection tells the planner what a random page read costs
(DATABASE_RANDOM_PAGE_COST), so that it probes an index where the server's default would
read and hash a whole table."""

import pytest
from django.db import connection, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's costs are PostgreSQL's"),
]


def _setting_on_a_new_connection() -> str:
    fresh = connections.create_connection("default")
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            return cursor.fetchone()[0]
    finally:
        fresh.close()


def test_a_new_connection_is_told_the_setting():
    assert _setting_on_a_new_connection() == "1.1"  # the default
    with override_settings(DATABASE_RANDOM_PAGE_COST=2.5):
        assert _setting_on_a_new_connection() == "2.5"


def test_telling_it_is_part_of_opening_the_connection_not_a_query_of_the_request():
    fresh = connections.create_connection("default")
    try:
        with CaptureQueriesContext(fresh) as opened:
            fresh.ensure_connection()
        assert opened.captured_queries == []
    finally:
        fresh.close()
