"""`manage.py generate_bench_data`: a large invented record, for benchmarks (issues/demo/bench)."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from negotrack.groups import system_user

NEEDS_FAKER = (
    "generate_bench_data needs Faker, a development dependency that is not installed here: "
    "pip install -e '.[dev]' (or pip install -c requirements.lock Faker)."
)


class Command(BaseCommand):
    help = "Write a large invented record (for benchmarks) into the configured database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="multiplies every count (1: 50,000 statements)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed writes the same record (default 1)")
        parser.add_argument(
            "--append",
            action="store_true",
            help="add to a database that already holds processes (by default the command refuses)",
        )

    def handle(self, *args: Any, scale: float, seed: int, append: bool, **options: Any) -> None:
        # The image installs the project without its development extra, so without Faker.
        if importlib.util.find_spec("faker") is None:
            raise CommandError(NEEDS_FAKER)
        from issues.demo.bench.generator import Refused, generate  # imports Faker

        progress_file = getattr(self.stderr, "_out", sys.stderr)
        try:
            summary = generate(scale=scale, seed=seed, append=append, by=system_user(), progress_file=progress_file)
        except Refused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(summary)
