"""`manage.py send_webhooks`: dispatch what the change log holds and send what is due, once
or, with --every, on a timer (what `dev.py run` starts beside the site), where it also
prunes the history past WEBHOOKS_RETENTION_DAYS once an hour, as beat does elsewhere."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from webhooks import delivery, dispatch, retention

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Dispatch the webhooks' events from the change log and send the deliveries that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every", type=float, metavar="SECONDS", help="go on, once every SECONDS (at least 1), until stopped"
        )

    def handle(self, *args: Any, every: float | None = None, **options: Any) -> None:
        if every is not None and every < 1:
            raise CommandError("--every takes 1 second or more")
        if every is None:
            events = dispatch.dispatch()
            delivered = delivery.send_due()
            self.stdout.write(f"{events} events dispatched, {delivered} deliveries sent")
            return
        pruned_at = None
        try:
            while True:
                try:
                    dispatch.dispatch()
                    delivery.send_due()
                    if pruned_at is None or time.monotonic() - pruned_at >= settings.WEBHOOKS_PRUNE_SECONDS:
                        retention.prune()
                        pruned_at = time.monotonic()
                except Exception:  # the database away a moment: the next round tries again
                    logger.exception("sending webhooks failed; trying again in %s s", every)
                time.sleep(every)
        except KeyboardInterrupt:  # Ctrl-C in `dev.py run` reaches this process too
            return
