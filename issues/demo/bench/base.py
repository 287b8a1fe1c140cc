"""What every phase of the benchmark generator shares: the plan, the seeded random
number generator, the records written so far, and the writing itself."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO, TypeVar

from django.core.exceptions import ValidationError
from django.utils import timezone
from faker import Faker
from tqdm import tqdm

from delegations.models import Party
from issues.demo.bench import words
from issues.demo.bench.plan import Plan, ProcessPlan, Speaker
from issues.models import PublicationState, Publishable
from negotrack.bulk import create_records
from negotrack.records import Record, User

# The invented record ends here, so that the same seed writes the same dates on any day.
END_OF_RECORD = datetime.date(2026, 6, 30)

R = TypeVar("R", bound=Record)


class GeneratorBase:
    def __init__(self, plan: Plan, *, seed: int, by: User, progress_file: TextIO) -> None:
        self.plan = plan
        self.by = by
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        self.seed = seed
        self.progress_file = progress_file
        self.counts: Counter[type[Record]] = Counter()
        self.now = timezone.now()
        self.end_of_record = min(END_OF_RECORD, timezone.localdate() - datetime.timedelta(days=1))
        self.processes: list[ProcessPlan] = []
        self.parties: dict[str, Party] = {}
        self.speakers: dict[str, list[Speaker]] = {}  # party name -> its people
        self.everyone: list[Speaker] = []

    def create(
        self, model: type[R], records: Sequence[R], *, bar: tqdm | None = None, **m2m: Sequence[Sequence[Any]]
    ) -> list[R]:
        if issubclass(model, Publishable):
            # What issues.services.draft_publish requires of every record it publishes.
            uncited = [number for number, cited in enumerate(m2m.get("sources", [[]] * len(records)), 1) if not cited]
            if uncited:
                raise ValidationError(
                    f"{model._meta.verbose_name} {uncited[0]}: cite at least one source before publishing."
                )
        created = create_records(model, records, by=self.by, m2m=m2m or None)
        self.counts[model] += len(created)
        if bar is not None:
            bar.update(len(created))
        return created

    def bar(self, description: str, total: int) -> tqdm:
        # disable=None: no bar when the output is not a terminal (a log file, a test).
        return tqdm(total=total, desc=description, unit=" records", file=self.progress_file, disable=None)

    def _published(self, day: datetime.date) -> dict[str, Any]:
        """What `issues.services.draft_publish` sets; `full_clean` computes the effective date."""
        moment = datetime.datetime.combine(
            day + datetime.timedelta(days=1),
            datetime.time(8 + self.rng.randrange(10), self.rng.randrange(60)),
            tzinfo=datetime.UTC,
        )
        return {"state": PublicationState.PUBLISHED, "published_at": min(moment, self.now), "published_by": self.by}

    def _faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            fake = Faker(words.FAKER_LOCALES.get(locale, locale))
            fake.seed_instance(f"{self.seed}-{locale}")
            self.fakers[locale] = fake
        return self.fakers[locale]
