"""Celery jobs that keep timelines current: one issue right after an edit, and the
periodic reconciliation that makes any lost message harmless."""

from __future__ import annotations

import functools
import logging

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from redis import Redis
from redis.exceptions import RedisError

from issues.timelines import rebuild

logger = logging.getLogger(__name__)

# An edit's rebuild starts at once. While it waits in the queue or runs, the issue's slot
# is taken and more edits to it enqueue nothing. Once it is done it frees the slot, and
# if edits came in while it ran (a burst), it queues one more rebuild that waits
# GATHER_SECONDS, so that the rest of the burst lands in that window: a burst of edits
# costs two rebuilds, or three when it outlasts the wait, and a lone edit waits for none.
QUEUED_KEY = "negotrack:timeline-queued:{}"
QUEUED_FOR_SECONDS = 600  # a lost message frees the slot by then; the reconciliation does not wait for it
GATHER_SECONDS = 1


@functools.cache
def _redis() -> Redis:
    # Short timeouts: an edit waits at most this long on a frozen Redis, then moves on.
    url = settings.REDIS_URL
    if url is None:  # without Redis, the rebuilds run in-process and never queue
        raise ImproperlyConfigured("The timeline queue needs Redis, and REDIS_URL is not set.")
    return Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def enqueue_rebuild(issue_id: int, *, gather: bool = False) -> bool:
    """Queue a rebuild of the issue unless one is already waiting or running; `gather` to
    let it wait GATHER_SECONDS first. Raises when Redis cannot be reached; the caller logs
    it and the issue stays marked for the reconciliation."""
    if not _redis().set(QUEUED_KEY.format(issue_id), 1, nx=True, ex=QUEUED_FOR_SECONDS):
        return False
    rebuild_timeline.apply_async(args=[issue_id], countdown=GATHER_SECONDS if gather else 0, retry=False)
    return True


@shared_task(name="issues.rebuild_timeline", ignore_result=True, acks_late=True)
def rebuild_timeline(issue_id: int) -> None:
    try:
        rebuild.rebuild_issue(issue_id, unless_current=True)
    finally:
        try:
            if rebuild.is_marked(issue_id):
                # Edits came in while it ran (a burst): the slot stays taken, and the next
                # rebuild waits for the rest of the burst.
                rebuild_timeline.apply_async(args=[issue_id], countdown=GATHER_SECONDS, retry=False)
            else:
                # Edits from now on queue a rebuild of their own; one that came in just
                # before the slot was free is found marked here.
                _redis().delete(QUEUED_KEY.format(issue_id))
                if rebuild.is_marked(issue_id):
                    enqueue_rebuild(issue_id, gather=True)
        except RedisError:
            logger.warning("could not free the queue slot of issue %s; it expires by itself", issue_id)


@shared_task(name="issues.reconcile_timelines", ignore_result=True)
def reconcile_timelines() -> int:
    repaired = rebuild.reconcile()
    # A broker that timed out may still have taken the slot of a message that never
    # reached the queue, which would hold back the next edit's rebuild until it expires:
    # free the slots of the issues repaired here (at worst, one more rebuild is queued).
    if repaired:
        try:
            _redis().delete(*(QUEUED_KEY.format(result.issue_id) for result in repaired))
        except RedisError:
            logger.warning("could not free the queue slots of the timelines just rebuilt; they expire by themselves")
    return len(repaired)
