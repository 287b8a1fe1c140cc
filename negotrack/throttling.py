"""The anonymous rate limits of the API and of the pages, which never take reads down
with their cache."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from redis import Redis
from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle

from negotrack.cache_breaker import cache_failed, cache_usable

if TYPE_CHECKING:  # DRF's views import the throttles from the settings: no cycle at run time
    from rest_framework.request import Request
    from rest_framework.views import APIView


class AnonymousReadThrottle(AnonRateThrottle):
    """A limit per address for readers who are not signed in (DRF's `anon` scope), counted
    in the default cache: Redis when REDIS_URL is set, so that every web process shares one
    count.

    A sliding window made of two fixed ones: the requests of this window, plus those of the
    previous window weighted by the share of it still within the last `duration` seconds.
    Two counters a reader, one round trip to Redis a request (INCR, EXPIRE and GET in one
    pipeline), whatever the rate; DRF's own throttle keeps a list of every request's time
    and writes it back whole each time. A refused request is taken back out of the count,
    so a reader who waits as told is let in again.

    When the cache cannot be reached, the request goes through and the failure is logged:
    losing the limit for a while is better than refusing every reader.
    """

    num_requests: int  # set by DRF from the rate, as is the duration in seconds
    duration: int
    wait_seconds: float | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None or not cache_usable():  # signed in, or the cache failed a moment ago
            return True
        window, elapsed = divmod(self.timer(), self.duration)
        try:
            current, previous = _count_one_more(key, int(window), self.duration)
            weight = 1 - elapsed / self.duration
            if previous * weight + current <= self.num_requests:
                return True
            _take_back(key, int(window))
        except (RedisError, OSError) as error:
            cache_failed("rate limit skipped", error)
            return True
        # Until the previous window's share has shrunk enough, at most to this window's end.
        excess = previous * weight + current - 1 - self.num_requests
        left = self.duration - elapsed
        self.wait_seconds = left if previous == 0 else min(left, max(excess, 0) * self.duration / previous)
        return False

    def wait(self) -> float | None:
        return self.wait_seconds


def _keys(key: str, window: int) -> tuple[str, str]:
    return f"{key}:{window}", f"{key}:{window - 1}"


@functools.lru_cache(maxsize=8)
def _redis_client(backend: RedisCache) -> Redis:
    """One client a cache backend (Django builds a new one, with its table of reply
    handlers, for every call), on the backend's own pool of connections."""
    return backend._cache.get_client(write=True)


def _count_one_more(key: str, window: int, duration: int) -> tuple[int, int]:
    """This window's count after adding one, and the previous window's count."""
    this, last = _keys(key, window)
    backend = caches["default"]  # the backend itself: `cache` is a proxy to it
    if isinstance(backend, RedisCache):
        this, last = backend.make_and_validate_key(this), backend.make_and_validate_key(last)
        pipeline = _redis_client(backend).pipeline(transaction=False)
        pipeline.incr(this)
        pipeline.expire(this, duration * 2)
        pipeline.get(last)
        current, _, previous = pipeline.execute()
        return int(current), int(previous or 0)
    cache.add(this, 0, duration * 2)
    return cache.incr(this), cache.get(last, 0)


def _take_back(key: str, window: int) -> None:
    cache.decr(_keys(key, window)[0])


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
