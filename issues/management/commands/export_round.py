"""`manage.py export_round <round-slug> [-o FILE]`: one round as one JSON document."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from issues.roundio.exporter import round_document
from issues.roundio.values import dumps
from rounds.models import Round


class Command(BaseCommand):
    help = (
        "Write one round as a JSON document (format negotrack-round, version 1): the round, its sessions, "
        "delegations, memberships and attendance, and its public record (published statements with their issue "
        "links, issue statuses, positions and agreements, and the withdrawn or superseded ones as correction "
        "notices with their notes; never drafts), with the process, issues, parties, people and sources "
        "(and the sources those are known through) that they refer to. The same record always makes the same "
        "bytes. import_round reads it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("round", metavar="round-slug", help="the round's slug, e.g. geneva-2026-02-17")
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, *args: Any, round: str, output: str | None, **options: Any) -> None:
        talk_round = Round.objects.filter(slug=round).first()
        if talk_round is None:
            raise CommandError(f'There is no round "{round}" (a round is named by its slug, e.g. geneva-2026-02-17).')
        started = time.monotonic()
        text = dumps(round_document(talk_round))
        if output is None:
            self.stdout.write(text, ending="")
            return
        _write_whole(Path(output), text)
        if options["verbosity"] > 0:
            self.stderr.write(f"Wrote round {round} to {output} in {time.monotonic() - started:.2f} s.")


def _write_whole(path: Path, text: str) -> None:
    """Write the file whole or not at all: never half a document where an old one was."""
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as file:
            file.write(text)
        os.chmod(file.name, mode)
        os.replace(file.name, path)
    except OSError as error:
        if "file" in locals():
            Path(file.name).unlink(missing_ok=True)
        raise CommandError(f"Cannot write {path}: {error.strerror or error}.") from error


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
