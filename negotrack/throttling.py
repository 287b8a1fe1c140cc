"""The anonymous rate limits of the API and of the pages, which never take reads down
with their cache."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
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


class PageReadThrottle(AnonymousReadThrottle):
    """The pages' limit: the API's, counting the same address in the same cache, with a
    count and a rate (PAGE_ANON_RATE) of its own."""

    scope = "pages"

    def get_rate(self) -> str | None:
        return settings.PAGE_ANON_RATE  # a rate, checked by the settings


def _limited(path: str) -> bool:
    """The pages, the feeds and the sign-in: not the API, which has its own limit, nor
    `/healthz`, which the probes call, nor the static files (WhiteNoise serves them before
    any of this in production; the debug server's are here)."""
    return not (path.startswith(("/api/", f"/{settings.STATIC_URL.lstrip('/')}")) or path == "/healthz")


class PageRateLimitMiddleware:
    """PAGE_ANON_RATE for readers who are not signed in: past it, a page that says when to
    come back (429, with Retry-After). Signed-in editors and reviewers are not counted."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _limited(request.path_info):
            throttle = PageReadThrottle()
            # DRF's throttles read the address and the user only, which a Django request has too.
            if not throttle.allow_request(request, None):  # type: ignore[arg-type]
                return _too_many_requests(request, throttle.wait())
        return self.get_response(request)


def _too_many_requests(request: HttpRequest, wait: float | None) -> HttpResponse:
    seconds = max(1, math.ceil(wait or 0))
    response = render(request, "errors/too_many_requests.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response
