"""What the assessments and statements are built on: their publication (draft, published,
withdrawn, superseded) and their dating, at a round or on a date between rounds."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from negotrack.records import Record, RecordQuerySet
from rounds.dates import DatePrecision, date_errors
from rounds.models import Round, Source

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager


class PublicationState(models.TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"
    WITHDRAWN = "withdrawn", "withdrawn"
    SUPERSEDED = "superseded", "superseded by a correction"


PUBLIC_STATES = (PublicationState.PUBLISHED, PublicationState.WITHDRAWN, PublicationState.SUPERSEDED)


class PublishableQuerySet(RecordQuerySet):
    def published(self) -> PublishableQuerySet:
        return self.filter(state=PublicationState.PUBLISHED)

    def public(self) -> PublishableQuerySet:
        """The public record: published records, and withdrawn or superseded ones as correction notices."""
        return self.filter(state__in=PUBLIC_STATES)

    def drafts(self) -> PublishableQuerySet:
        return self.filter(state=PublicationState.DRAFT)


class Publishable(Record):
    """A record that moves from draft to published, and later to withdrawn or superseded."""

    state = models.CharField(
        max_length=12, choices=PublicationState.choices, default=PublicationState.DRAFT, editable=False, db_index=True
    )
    revises = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        editable=False,
        help_text="the published record this one corrects",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    review_note = models.TextField(blank=True, editable=False, help_text="why a reviewer sent the draft back")
    sent_back_at = models.DateTimeField(null=True, blank=True, editable=False, help_text="when it was last sent back")
    sent_back_version = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="its version once sent back: it is published only after a save moves it past this",
    )
    withdrawn_on = models.DateField(null=True, blank=True, editable=False)
    correction_note = models.TextField(blank=True, editable=False, help_text="the public note of a withdrawal")
    superseded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()  # type: ignore[misc]  # the stubs take Record's for a class variable

    if TYPE_CHECKING:
        # Declared by each concrete model (its own sources; `revises` points at its own
        # kind), so the type checker does not see them on this abstract base.
        sources: ManyRelatedManager[Source, Any]
        revises_id: int | None

    class Meta:
        abstract = True

    @property
    def is_draft(self) -> bool:
        return self.state == PublicationState.DRAFT

    @property
    def awaits_editor(self) -> bool:
        """Sent back, and saved by nobody since: an editor must change it before it is published."""
        return self.sent_back_version is not None and self.sent_back_version == self.version

    @property
    def notice_on(self) -> datetime.date | None:
        """The day a withdrawn or superseded record left the public record; None otherwise."""
        if self.state == PublicationState.WITHDRAWN:
            return self.withdrawn_on
        if self.state == PublicationState.SUPERSEDED and self.superseded_at:
            return timezone.localdate(self.superseded_at)
        return None


class Dated(models.Model):
    """Assessed at a round (taking effect on its last day), or on a date between rounds."""

    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)s_set")
    date = models.DateField(null=True, blank=True, help_text="between rounds only: the day it was reported")
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    effective_date = models.DateField(
        null=True, blank=True, editable=False, db_index=True, help_text="the round's last day, or the date"
    )

    derived_fields: tuple[str, ...] = ("effective_date",)

    class Meta:
        abstract = True

    def compute_effective_date(self) -> datetime.date | None:
        talk_round = self.round if self.round_id else None
        if talk_round is not None:
            return talk_round.effective_date
        return self.date

    def clean_dating(self, process_id: int | None) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        talk_round = self.round if self.round_id else None
        if self.round_id and self.date:
            errors["date"] = ["Give either the round or a date between rounds, not both."]
        elif not self.round_id and not self.date:
            errors["round"] = ["Give the round it was assessed at, or a date between rounds."]
        elif talk_round is not None:
            if process_id and talk_round.process_id != process_id:
                errors["round"] = [f"This round belongs to another process ({talk_round.process})."]
            elif not talk_round.effective_date:
                errors["round"] = ["This round has no dates yet: an assessment takes effect on its round's last day."]
        else:
            problems = date_errors(self.date, self.date_precision, allow_future=False)
            if problems:
                errors["date"] = problems
        self.effective_date = self.compute_effective_date() if not errors else None
        return errors


def round_or_date(name: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(round__isnull=False, date__isnull=True) | Q(round__isnull=True, date__isnull=False),
        name=f"{name}_round_or_date",
        violation_error_message=message,
    )


def one_published_per_round_and_date(
    name: str, keys: list[str], *, per_round: str, per_date: str
) -> list[models.BaseConstraint]:
    """At most one published record for `keys` per round, and per date between rounds."""
    return [
        models.UniqueConstraint(
            fields=[*keys, "round"],
            condition=Q(state="published", round__isnull=False),
            name=f"{name}_one_published_per_round",
            violation_error_message=per_round,
        ),
        models.UniqueConstraint(
            fields=[*keys, "date"],
            condition=Q(state="published", round__isnull=True),
            name=f"{name}_one_published_per_date",
            violation_error_message=per_date,
        ),
    ]
