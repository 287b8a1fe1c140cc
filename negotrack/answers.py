"""Answers kept under their ETag: a public read rendered once is served again from the cache
until the record changes, instead of being built again for every reader.

The ETag already names everything an answer depends on (negotrack.conditional): the change
log's state, the path and query, the format, drafts or not, the day, and on the pages the
reader, their sign-in and their messages. A commit that changes the record changes the
ETag, so a kept answer is never served after it: nothing needs invalidating, because
nothing can go stale; old answers expire on their own. The key adds the scheme and host,
which the absolute links in an answer carry.

Kept: 200s to GET requests by readers who are not signed in, up to MAX_BYTES, that set no
cookie and used no CSRF token. Not kept: streamed answers (the CSV exports) and the
browsable API's pages (which carry a CSP nonce). Kept ANSWERS_KEPT_SECONDS (0 keeps
nothing). When the cache cannot be reached, the answer is built as if nothing were kept.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from redis.exceptions import RedisError

from negotrack.cache_breaker import cache_failed, cache_usable
from negotrack.conditional import Validators

MAX_BYTES = 2_000_000


def _key(request: HttpRequest, validators: Validators) -> str:
    origin = f"{request.scheme}://{request.get_host()}"
    return "answer:" + hashlib.blake2b(f"{origin}\n{validators.etag}".encode(), digest_size=20).hexdigest()


def _for_anyone(request: HttpRequest) -> bool:
    """A reader who is not signed in (the user of a DRF request, who may have a token), while
    the cache answers."""
    return (
        settings.ANSWERS_KEPT_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and cache_usable()
    )


def kept_answer(request: HttpRequest, validators: Validators) -> HttpResponse | None:
    """The answer kept under these validators, or None."""
    if not _for_anyone(request):
        return None
    try:
        kept = cache.get(_key(request, validators))
    except (RedisError, OSError) as error:
        cache_failed("kept answers skipped", error)
        return None
    if kept is None:
        return None
    content_type, body = kept
    return HttpResponse(body, content_type=content_type)


def keep_answer(request: HttpRequest, validators: Validators, response: HttpResponseBase) -> None:
    """Keep a rendered answer for the next reader, when it is the same for everyone."""
    if not (
        request.method == "GET"
        and _for_anyone(request)
        and response.status_code == 200
        and isinstance(response, HttpResponse)  # not streamed
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and len(response.content) <= MAX_BYTES
    ):
        return
    try:
        cache.set(
            _key(request, validators), (response["Content-Type"], response.content), settings.ANSWERS_KEPT_SECONDS
        )
    except (RedisError, OSError) as error:
        cache_failed("answer not kept", error)
