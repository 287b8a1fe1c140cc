"""`manage.py seed_demo`: load the demo record, the facts of seed-facts.md (issues/demo)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from issues.demo.loader import load_demo
from negotrack.groups import system_user


class Command(BaseCommand):
    help = "Load the demo dataset (the 2026 Russia–Ukraine rounds and the US–Iran round in Geneva); safe to rerun."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = load_demo(by=system_user())
        except (ValidationError, IntegrityError) as error:
            raise CommandError(f"The demo data was refused, and nothing was loaded: {error}") from error
        self.stdout.write(summary)
