"""What `manage.py check --deploy` adds for a site served by several processes or machines.

A web process keeps nothing that another needs (README, "Several machines"): sessions and
sign-in attempts are in the database, the readers' rate-limit counts and the timeline
queue in Redis, and the secret key comes from the environment. Only Redis can be left
out by mistake: without REDIS_URL each process counts in its own memory and nothing
says so. PostgreSQL is the database several processes and machines share (a SQLite file
serves one machine), so a site on PostgreSQL without Redis is warned.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

POSTGRESQL = "django.db.backends.postgresql"


@checks.register(checks.Tags.caches, deploy=True)
def shared_redis(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.REDIS_URL or settings.DATABASES["default"]["ENGINE"] != POSTGRESQL:
        return []
    return [
        checks.Warning(
            "REDIS_URL is not set, while the database is PostgreSQL: each web process keeps its own count "
            "of the readers' rate limits (API_ANON_RATE, PAGE_ANON_RATE), so that N processes let a reader "
            "through N times over, and no worker or beat runs.",
            hint="Point every web process, worker and beat, on every machine, at one Redis with REDIS_URL.",
            id="negotrack.W001",
        )
    ]
