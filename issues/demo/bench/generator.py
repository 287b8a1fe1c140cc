"""`generate()`: the benchmark record written in one transaction, phase after phase."""

from __future__ import annotations

import time
from collections import Counter
from typing import TextIO

from django.db import connection, transaction

from issues.demo.bench.assessments import AssessmentPhases
from issues.demo.bench.plan import Plan
from issues.demo.bench.setting import SettingPhases
from issues.models import Issue
from issues.timelines import rebuild
from negotrack.records import Record, User
from rounds.models import Process


class Refused(Exception):
    """The run was refused before anything was written."""


class Generator(SettingPhases, AssessmentPhases):
    def run(self) -> Counter[type[Record]]:
        self.write_processes()
        self.plan_rounds()
        self.write_parties()
        self.write_sources()
        self.write_rounds()
        self.write_people()
        self.write_delegations()
        self.write_issues()
        self.write_statuses()
        self.write_positions()
        self.write_statements()
        return self.counts


def generate(*, scale: float, seed: int, append: bool, by: User, progress_file: TextIO) -> str:
    """Write the invented record at `scale`; says what it wrote, and how long it took."""
    if not scale > 0:
        raise Refused(f"--scale must be a positive number, not {scale}.")
    existing = Process.objects.count()
    if existing and not append:
        raise Refused(
            f"This database already holds {existing} negotiation process{'es' if existing > 1 else ''}. "
            "generate_bench_data is meant for an empty database: create one and migrate it, or pass "
            "--append to add the invented record to what is there."
        )
    plan = Plan.for_scale(scale)
    started = time.monotonic()
    last_issue = Issue.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with transaction.atomic():
        counts = Generator(plan, seed=seed, by=by, progress_file=progress_file).run()
        if connection.vendor == "postgresql":
            # Fresh planner statistics for tables that just grew a hundredfold, before
            # anything reads them (the timeline rebuilds below, after the commit).
            transaction.on_commit(_analyze)
        # The bulk path sends no record_changed: mark the new issues' timelines here, which
        # rebuilds them after the commit (in this process without a broker, else in the worker).
        rebuild.mark(Issue.objects.filter(pk__gt=last_issue).values_list("pk", flat=True))
    elapsed = time.monotonic() - started
    summary = ", ".join(
        f"{count:,} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in counts.items()
        if count
    )
    return f"Wrote {summary} (scale {scale:g}, seed {seed}) in {elapsed:.1f} s."


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
