"""Dump the PostgreSQL database to a file (pg_dump's custom format)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from negotrack import backup


class Command(BaseCommand):
    help = "Dump the database of DATABASE_URL (PostgreSQL) to a file that restore_database reads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="the file to write (default: var/backups/negotrack-<UTC time>.dump under NEGOTRACK_VAR_DIR)",
        )

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        if output is None:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            output = settings.VAR_DIR / "backups" / f"negotrack-{stamp}.dump"
        try:
            backup.dump(output)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Dumped the database to {output} ({output.stat().st_size} bytes).")
