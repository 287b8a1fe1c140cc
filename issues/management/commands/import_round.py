"""`manage.py import_round FILE [--dry-run] [--force]`: load a round's document."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from issues.roundio.importer import RoundImport
from issues.roundio.reading import ImportRefused, parse_document
from negotrack.groups import system_user


class Command(BaseCommand):
    help = (
        "Load a round's document (made by export_round) through the services, as the system account, in one "
        "transaction: records missing here are created with their UUIDs, records that differ are updated, "
        "published records are published again as they were (withdrawn and superseded ones too). References "
        "must name a record of the file or of this database. A record edited here since the last import is "
        "kept as it is unless --force. Any problem: nothing is saved. Nothing is ever deleted."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="the document, or - for standard input")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, and save nothing")
        parser.add_argument(
            "--force", action="store_true", help="overwrite records edited here since the last import as well"
        )

    def handle(self, *args: Any, file: str, dry_run: bool, force: bool, **options: Any) -> None:
        started = time.monotonic()
        text = _read(file)
        name = "standard input" if file == "-" else file
        try:
            document = parse_document(text)
            with transaction.atomic():
                report = RoundImport(document, by=system_user(), force=force).run()
                if dry_run:
                    transaction.set_rollback(True)
        except ImportRefused as refusal:
            lines = "\n".join(f"  {problem}" for problem in refusal.problems)
            raise CommandError(f"{name}: the round document was refused, and nothing was saved:\n{lines}") from None
        elapsed = time.monotonic() - started
        done = "dry run, nothing saved" if dry_run else f"imported in {elapsed:.2f} s"
        self.stdout.write(f"import_round: {document['round'].get('slug')} from {name} ({done})")
        self.stdout.write("\n".join(report.lines(dry_run=dry_run, verbosity=options["verbosity"])))


def _read(file: str) -> str:
    try:
        if file == "-":
            return sys.stdin.buffer.read().decode("utf-8")
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise CommandError(f"{file} is not UTF-8 text (byte {error.start} cannot be read).") from error
