"""The Celery job that dispatches and sends webhooks: asked for after every commit that
wrote the change log, and run by beat every WEBHOOKS_RECONCILE_SECONDS, which sends what
a broker that was down never got, and the retries that fall due.

Without a broker (the embedded default) nothing runs after a commit: the deliveries wait
in the database for `manage.py send_webhooks`, which `dev.py run` calls on a timer, so
that no delivery ever runs inside a web request.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction

from webhooks import delivery, dispatch, retention

logger = logging.getLogger(__name__)


@shared_task(name="webhooks.send", ignore_result=True)
def send_webhooks() -> int:
    """Dispatch what has settled, then send every delivery that is due."""
    dispatch.dispatch()
    return delivery.send_due()


@shared_task(name="webhooks.prune", ignore_result=True)
def prune_webhooks() -> int:
    """Remove the deliveries and events past WEBHOOKS_RETENTION_DAYS; how many deliveries went."""
    pruned = retention.prune()
    if pruned.deliveries or pruned.events:
        logger.info("webhook history pruned: %s deliveries, %s events", pruned.deliveries, pruned.events)
    return pruned.deliveries


def _enqueue() -> None:
    try:
        send_webhooks.apply_async(retry=False)
    except Exception:
        # The write is saved; beat's reconciliation sends its events once the broker is back.
        logger.warning("could not hand the webhooks to the broker; the reconciliation will send them")


def kick_after_commit(sender: Any, **kwargs: Any) -> None:
    """A change-log row was written: once its transaction commits, ask the worker to send
    its events (once per transaction, however many rows it wrote)."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return  # no broker: the command on its timer sends them, never the request
    if not connection.in_atomic_block:
        transaction.on_commit(_enqueue)
        return
    if not any(entry[1] is _enqueue for entry in connection.run_on_commit):
        transaction.on_commit(_enqueue)
