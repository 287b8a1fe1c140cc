"""The services the full stack runs on answer when configured: CI has them all."""

import pytest
from django.conf import settings
from django.db import connection

from negotrack.celery import app


@pytest.mark.redis
def test_the_celery_broker_answers_at_redis_url():
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.connected


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_database_is_postgresql_when_database_url_names_it():
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("show server_version_num")
        assert int(cursor.fetchone()[0]) >= 140000
