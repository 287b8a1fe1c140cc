"""The anonymous rate limit of the API, which never takes reads down with its cache."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle

if TYPE_CHECKING:  # DRF's views import the throttles from the settings: no cycle at run time
    from rest_framework.request import Request
    from rest_framework.views import APIView

logger = logging.getLogger(__name__)


class AnonymousReadThrottle(AnonRateThrottle):
    """DRF's limit per address for readers who are not signed in, counted in the default
    cache (Redis when REDIS_URL is set, so that every web process shares one count).

    When that cache cannot be reached, the request goes through and the failure is
    logged: losing the limit for a while is better than refusing every reader.
    """

    def allow_request(self, request: Request, view: APIView) -> bool:
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError) as error:
            logger.warning("rate limit skipped: its cache is unreachable (%s)", type(error).__name__)
            return True
