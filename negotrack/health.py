"""`/healthz`: is this web process able to serve, and how far behind are the timelines.

200 while the database answers, even with Redis down (edits still save; rebuilds wait for
the reconciliation), 503 when the database does not. Open to anyone, so it says only
"up", "down" or "not used", never an address or an error's text.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from redis import Redis

from issues.models import TimelineState

logger = logging.getLogger(__name__)

UP, DOWN, NOT_USED = "up", "down", "not used"


@functools.lru_cache(maxsize=4)
def _redis(url: str) -> Redis:
    # A probe must answer quickly even when Redis hangs.
    return Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.warning("health check: the database is down (%s)", type(error).__name__)
        return DOWN
    return UP


def redis_state() -> str:
    if not settings.REDIS_URL:
        return NOT_USED
    try:
        _redis(settings.REDIS_URL).ping()
    except Exception as error:
        logger.warning("health check: Redis is down (%s)", type(error).__name__)
        return DOWN
    return UP


def timelines_state() -> dict:
    """How many timelines wait for a rebuild, and for how long the oldest has waited."""
    waiting = TimelineState.objects.filter(marked_since__isnull=False).aggregate(
        count=Count("pk"), oldest=Min("marked_since")
    )
    oldest = waiting["oldest"]
    age = None if oldest is None else round(max((timezone.now() - oldest).total_seconds(), 0.0), 1)
    return {"waiting": waiting["count"], "oldest_waiting_seconds": age}


@never_cache
@require_safe
def healthz(request):
    database = database_state()
    body = {"status": "ok", "database": database, "redis": redis_state(), "timelines": None}
    if database == DOWN:
        body["status"] = "down"
        return JsonResponse(body, status=503)
    try:
        body["timelines"] = timelines_state()
    except Exception as error:  # the tables may be missing before the first migrate
        logger.warning("health check: cannot read the timelines (%s)", type(error).__name__)
    if body["redis"] == DOWN:
        body["status"] = "degraded"
    return JsonResponse(body)
