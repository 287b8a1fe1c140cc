"""Expire old rows of the change log; a changes-feed cursor from before them answers 410."""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from negotrack.changes.cursor import pruned_through
from negotrack.changes.prune import prune_changes


class Command(BaseCommand):
    help = (
        "Delete change-log rows older than the retention (CHANGES_RETENTION_DAYS), always keeping the newest "
        "1000 public changes and all after them, and any not yet settled. Tools whose feed cursor is older then "
        "resync from the lists."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=settings.CHANGES_RETENTION_DAYS,
            help=f"keep this many days of changes (default: {settings.CHANGES_RETENTION_DAYS})",
        )

    def handle(self, *args: Any, older_than_days: int, **options: Any) -> None:
        if older_than_days < 1:
            raise CommandError("--older-than-days must be 1 or more.")
        deleted = prune_changes(older_than=datetime.timedelta(days=older_than_days))
        horizon = pruned_through()
        where = f"; feed cursors before {horizon} now answer 410" if horizon else ""
        self.stdout.write(f"Pruned {deleted} change{'s' if deleted != 1 else ''}{where}.")
