"""Restore a dump made by backup_database into an empty PostgreSQL database."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from negotrack import backup


class Command(BaseCommand):
    help = (
        "Restore a dump made by backup_database into the database of DATABASE_URL, which must be empty "
        "(a new one, made with createdb). Refuses a database that holds any table."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dump", type=Path, help="the file backup_database wrote")

    def handle(self, *args: Any, dump: Path, **options: Any) -> None:
        try:
            backup.restore(dump)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {dump}. Start the web processes, the worker and beat on this database.")
