"""Rebuild timelines by hand: one issue, every issue, or (by default) what the periodic
reconciliation would rebuild."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from issues.models import Issue
from issues.timelines import rebuild

# Two batches at once: a rebuild of every timeline on two of the database's cores, which
# leaves the others to its readers on a larger server.
CONNECTIONS = 2
# More would take the server's connections from its readers (PostgreSQL allows 100 by default).
MOST_CONNECTIONS = 16


class Command(BaseCommand):
    help = (
        "Rebuild agenda issues' timelines: --issue SLUG for one, --all for every one (even those "
        "that look current); by default every marked or out-of-date timeline."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--issue", metavar="SLUG", help="the agenda issue's slug")
        which.add_argument("--all", action="store_true", help="every issue, rebuilt from scratch")
        parser.add_argument(
            "--connections",
            type=int,
            default=CONNECTIONS,
            metavar="N",
            help=f"on PostgreSQL, rebuild N batches of issues at once, each on a database connection of its own "
            f"(default {CONNECTIONS}, at most {MOST_CONNECTIONS}; 1 for one batch after another)",
        )

    def handle(
        self,
        *args: Any,
        issue: str | None = None,
        all: bool = False,
        connections: int = CONNECTIONS,
        verbosity: int = 1,
        **options: Any,
    ) -> None:
        if not 1 <= connections <= MOST_CONNECTIONS:
            raise CommandError(f"--connections must be from 1 to {MOST_CONNECTIONS}.")
        if issue:
            ids = list(Issue.objects.filter(slug=issue).values_list("pk", flat=True))
            if not ids:
                raise CommandError(f"No agenda issue has the slug {issue!r}.")
        elif all:
            ids = list(Issue.objects.order_by("pk").values_list("pk", flat=True))
        else:
            ids = list(dict.fromkeys([*rebuild.marked_issue_ids(), *rebuild.stale_issue_ids()]))
        changed = entries = raced = 0
        force = bool(issue or all)
        with tqdm(total=len(ids), unit="issue", disable=verbosity < 1, file=self.stderr) as progress:
            for _, result in rebuild.rebuild_issues(ids, force=force, connections=connections):
                progress.update()
                if result is None:
                    raced += 1
                    continue
                changed += result.changed
                entries += result.entries
        message = f"{len(ids)} timeline(s) checked, {changed} rebuilt, {entries} entries."
        if raced:
            message += f" {raced} changed while being rebuilt and stay marked for the reconciliation."
        self.stdout.write(message)
