"""Sources, negotiation processes, rounds and their sessions."""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from negotrack.limits import SUMMARY_LENGTH, limited_text
from negotrack.records import Record, RecordHistory, RecordQuerySet
from rounds.dates import DatePrecision, date_errors, format_day


class Source(Record):
    """Where a fact comes from; every layer above cites it."""

    outlet = models.CharField(max_length=200, help_text="e.g. The Moscow Times, X (Steve Witkoff's account)")
    title = models.CharField(max_length=500, blank=True, help_text="headline, or what the item is")
    url = models.URLField(
        max_length=1000, blank=True, verbose_name="URL", help_text="optional: not every report has one"
    )
    published_on = models.DateField(null=True, blank=True)
    via = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relayed",
        help_text="the outlet through which this one is known, when it is known only second-hand",
    )

    history = RecordHistory()

    class Meta:
        # The id last: two reports of one outlet on one day keep one order from read to read.
        ordering = ["-published_on", "outlet", "id"]
        indexes = [
            models.Index(fields=["outlet"]),
            # The newest sources, which the entry page offers.
            models.Index(fields=["created_at"], name="source_created_at"),
        ]

    def __str__(self) -> str:
        when = f", {format_day(self.published_on)}" if self.published_on else ""
        title = f": {self.title}" if self.title else ""
        return f"{self.outlet}{title}{when}"

    def clean(self) -> None:
        problems = date_errors(self.published_on, allow_future=False)
        if problems:
            raise ValidationError({"published_on": problems})
        if self.via_id and self.via_id == self.pk:
            raise ValidationError({"via": "A source cannot be known through itself."})


class Process(Record):
    """One negotiation process; several can run at once, even in one city in one week."""

    slug = models.SlugField(max_length=80, unique=True, help_text="fixed once chosen, e.g. russia-ukraine")
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    description = limited_text(SUMMARY_LENGTH, blank=True)

    history = RecordHistory()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "processes"

    def __str__(self) -> str:
        return self.short_name or self.name


class RoundQuerySet(RecordQuerySet):
    def for_process(self, process: Process) -> RoundQuerySet:
        return self.filter(process=process)

    def concluded(self) -> RoundQuerySet:
        return self.filter(status=Round.Status.CONCLUDED)

    def chronological(self) -> RoundQuerySet:
        return self.order_by(F("start_date").asc(nulls_last=True), "ordinal", "id")


class Round(Record):
    class Format(models.TextChoices):
        BILATERAL = "bilateral", "bilateral"
        TRILATERAL = "trilateral", "trilateral"
        MULTILATERAL = "multilateral", "multilateral"
        PROXIMITY = "proximity", "proximity (indirect, through a mediator)"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "scheduled"
        UNDER_WAY = "under_way", "under way"
        CONCLUDED = "concluded", "concluded"
        CANCELLED = "cancelled", "cancelled"

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="rounds")
    ordinal = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="the round's number in its process, if counted"
    )
    slug = models.SlugField(
        max_length=120,
        unique=True,
        editable=False,
        help_text="city and first day (geneva-2026-02-17); fixed once the first day is known",
    )
    slug_is_provisional = models.BooleanField(default=True, editable=False)
    city = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    format = models.CharField(max_length=16, choices=Format.choices, default=Format.TRILATERAL)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    summary = limited_text(SUMMARY_LENGTH, blank=True)
    outcome = limited_text(SUMMARY_LENGTH, blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="rounds")

    history = RecordHistory(m2m_fields=[sources])
    objects = RoundQuerySet.as_manager()  # type: ignore[misc]  # the stubs take Record's for a class variable

    constraint_error_fields = {
        "round_ends_after_it_starts": "end_date",
        "round_end_needs_start": "start_date",
        "round_held_has_start": "start_date",
        "round_ordinal_unique_in_process": "ordinal",
    }

    class Meta:
        ordering = [F("start_date").asc(nulls_last=True), "ordinal", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="round_ends_after_it_starts",
                violation_error_message="A round cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                name="round_end_needs_start",
                violation_error_message="Give the first day as well as the last.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["scheduled", "cancelled"]) | Q(start_date__isnull=False),
                name="round_held_has_start",
                violation_error_message="A round that is under way or concluded needs its first day.",
            ),
            models.UniqueConstraint(
                fields=["process", "ordinal"],
                name="round_ordinal_unique_in_process",
                violation_error_message="This process already has a round with this number.",
            ),
        ]
        indexes = [models.Index(fields=["process", "start_date"])]

    def __str__(self) -> str:
        place = self.city or "place to be announced"
        return f"{place}, {self.date_label}"

    @property
    def date_label(self) -> str:
        if not self.start_date:
            return "dates to be announced"
        end = self.end_date or self.start_date
        if end == self.start_date:
            return format_day(end)
        if (end.year, end.month) == (self.start_date.year, self.start_date.month):
            return f"{self.start_date.day}–{format_day(end)}"
        if end.year == self.start_date.year:
            return f"{format_day(self.start_date, year=False)} – {format_day(end)}"
        return f"{format_day(self.start_date)} – {format_day(end)}"

    @property
    def effective_date(self) -> datetime.date | None:
        """The day a status assessed at this round takes effect: its last day."""
        return self.end_date or self.start_date

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        for name in ("start_date", "end_date"):
            problems = date_errors(getattr(self, name))
            if problems:
                errors[name] = problems
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append(
                f"The round cannot end ({format_day(self.end_date)}) before it starts ({format_day(self.start_date)})."
            )
        if self.status == self.Status.CONCLUDED and self.start_date and self.start_date > timezone.localdate():
            errors.setdefault("status", []).append("A round that has not started yet cannot be concluded.")
        if errors:
            raise ValidationError(errors)


class Session(Record):
    """One sitting of a round."""

    class Track(models.TextChoices):
        PLENARY = "plenary", "plenary"
        POLITICAL = "political", "political group"
        MILITARY = "military", "military group"
        ECONOMIC = "economic", "economic group"
        HUMANITARIAN = "humanitarian", "humanitarian group"
        TECHNICAL = "technical", "technical group"
        BILATERAL = "bilateral", "bilateral meeting"
        OTHER = "other", "other"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(
        max_length=64, blank=True, help_text="IANA name (Asia/Dubai, Europe/Zurich), needed when a time is given"
    )
    track = models.CharField(max_length=16, choices=Track.choices, default=Track.PLENARY)
    summary = limited_text(SUMMARY_LENGTH, blank=True)

    history = RecordHistory()

    constraint_error_fields = {"session_ends_after_it_starts": "end_time"}

    class Meta:
        ordering = ["date", F("start_time").asc(nulls_first=True), "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=True) | Q(end_time__gte=F("start_time")),
                name="session_ends_after_it_starts",
                violation_error_message="A session cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_track_display()}, {format_day(self.date)}"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        problems = date_errors(self.date)
        if problems:
            errors["date"] = problems
        # In the admin's add page the round is not saved yet, but it is there to check against.
        talk_round = self.round if self.round_id or self._state.fields_cache.get("round") else None
        if talk_round and self.date and not problems:
            if not talk_round.start_date:
                errors["date"] = ["Give the round its dates before adding a session."]
            elif not talk_round.start_date <= self.date <= (talk_round.end_date or talk_round.start_date):
                errors["date"] = [f"The session must fall within the round's dates ({talk_round.date_label})."]
        if (self.start_time or self.end_time) and not self.time_zone:
            errors["time_zone"] = ["Give the time zone of the times (for example Europe/Zurich)."]
        if self.time_zone:
            try:
                zoneinfo.ZoneInfo(self.time_zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                errors["time_zone"] = [f"{self.time_zone!r} is not a time zone name (for example Asia/Dubai)."]
        if self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = ["The session cannot end before it starts."]
        if errors:
            raise ValidationError(errors)


__all__ = ["DatePrecision", "Process", "Round", "Session", "Source"]
