"""Timelines: derived data, rebuilt by background jobs, never edited by hand."""

from __future__ import annotations

from django.db import models

from delegations.models import Party
from issues.models.issues import Issue
from rounds.dates import DatePrecision
from rounds.models import Round


class TimelineState(models.Model):
    """Where an issue's timeline stands: the generation edits have reached, the one the
    last rebuild read, and when and from what it was built.

    Every edit that touches the issue bumps `generation` in its own transaction; a rebuild
    sets `built_generation` to the generation it read, only if it is still the current
    one. The timeline is current when the two are equal.
    """

    issue = models.OneToOneField(Issue, on_delete=models.CASCADE, primary_key=True, related_name="timeline_state")
    generation = models.PositiveBigIntegerField(default=1)
    built_generation = models.PositiveBigIntegerField(default=0)
    marked_since = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="when the timeline first fell behind; null while current"
    )
    built_at = models.DateTimeField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [models.Index(fields=["generation", "built_generation"], name="timelinestate_currency")]

    def __str__(self) -> str:
        return f"timeline of {self.issue_id}: generation {self.generation}, built {self.built_generation}"

    @property
    def is_current(self) -> bool:
        return self.built_generation == self.generation


class TimelineEntry(models.Model):
    """One entry of an issue's timeline, as the builder (issues.timelines.builder) made it."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="timeline_entries")
    position = models.PositiveIntegerField(help_text="the entry's place in the timeline, from 0")
    key = models.CharField(max_length=80, help_text="its kind and the UUID of the record it comes from")
    kind = models.CharField(max_length=20)
    date = models.DateField()
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    party = models.ForeignKey(Party, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    before = models.CharField(max_length=200, blank=True, help_text="the status or stance before this entry")
    after = models.CharField(max_length=200, blank=True, help_text="the status or stance after it")
    record_type = models.CharField(max_length=64)
    record_uuid = models.UUIDField()
    sources = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["issue", "position"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "key"], name="timelineentry_key_once"),
            models.UniqueConstraint(fields=["issue", "position"], name="timelineentry_position_once"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} #{self.position}: {self.title}"
