"""`/healthz`: is this web process able to serve, and what the apps report of their parts
(the issues app: how far behind the timelines are).

200 while the database answers, even with Redis down (edits still save; rebuilds wait for
the reconciliation), 503 when the database does not. Open to anyone, so it says only
"up", "down" or "not used", never an address or an error's text.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from redis import Redis

from negotrack.registry import health_checks

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


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_state()
    checks = health_checks()
    body = {"status": "ok", "database": database, "redis": redis_state(), **{check.name: None for check in checks}}
    if database == DOWN:
        body["status"] = "down"
        return JsonResponse(body, status=503)
    for check in checks:
        try:
            body[check.name] = check.read()
        except Exception as error:  # the tables may be missing before the first migrate
            logger.warning("health check: cannot read the %s (%s)", check.name, type(error).__name__)
    if body["redis"] == DOWN:
        body["status"] = "degraded"
    return JsonResponse(body)
