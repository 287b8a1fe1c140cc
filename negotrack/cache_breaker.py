"""The default cache (Redis when REDIS_URL is set) as the rate limits and the kept answers
use it: a request that finds it unreachable waits out one short timeout, and for the next
few seconds this process does not ask it again, so that a frozen Redis costs each reader a
timeout now and then instead of one a cache call on every request.

Per process and without a lock: at worst two threads each wait out one timeout.
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 5.0

_paused_until = 0.0


def cache_usable() -> bool:
    """False for PAUSE_SECONDS after the cache last failed this process."""
    return time.monotonic() >= _paused_until


def cache_failed(what: str, error: BaseException) -> None:
    """Note a failure: log it, and leave the cache alone for a while."""
    global _paused_until
    _paused_until = time.monotonic() + PAUSE_SECONDS
    logger.warning("%s: its cache is unreachable (%s); not asked again for %g s", what, type(error).__name__,
                   PAUSE_SECONDS)  # fmt: skip


def reset() -> None:
    """Forget any failure (for the tests)."""
    global _paused_until
    _paused_until = 0.0
