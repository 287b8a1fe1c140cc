"""Agenda issues, and their assessments: statuses, party positions, agreements."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from delegations.models import Party
from issues.models.publication import Dated, Publishable, one_published_per_round_and_date, round_or_date
from issues.vocabulary import AssessmentStatus
from negotrack.limits import SUMMARY_LENGTH, limited_text
from negotrack.records import Record, RecordHistory
from rounds.dates import DatePrecision, date_errors
from rounds.models import Process, Source


class Issue(Record):
    """An agenda issue of one process (territory, ceasefire monitoring, a prisoner exchange)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="issues")
    topic = models.SlugField(
        max_length=60, help_text="what the issue is about, in a slug: territory, ceasefire-monitoring"
    )
    slug = models.SlugField(max_length=140, unique=True, editable=False, help_text="{process}-{topic}, fixed once made")
    name = models.CharField(max_length=200)
    description = limited_text(SUMMARY_LENGTH, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="where it stands in the process's agenda")
    current_status = models.ForeignKey(
        "IssueStatus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="the latest published status by effective date, kept by the services",
    )

    history = RecordHistory(excluded_fields=["current_status"])

    derived_fields = ("current_status",)
    constraint_error_fields = {"issue_topic_unique_in_process": "topic"}

    class Meta:
        ordering = ["process", "sort_order", "name"]
        verbose_name = "agenda issue"
        constraints = [
            models.UniqueConstraint(
                fields=["process", "topic"],
                name="issue_topic_unique_in_process",
                violation_error_message="This process already has an agenda issue on this topic.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def validate_unique(self, exclude: Collection[str] | None = None) -> None:
        # The slug is made from process and topic, whose own constraint names the problem.
        super().validate_unique(exclude={*(exclude or ()), "slug"})


class IssueStatus(Publishable, Dated):
    """Where one issue stands after one round, or on a date between rounds."""

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=16, choices=AssessmentStatus.choices)
    summary = limited_text(SUMMARY_LENGTH, blank=True, help_text="what the reports say, in a few sentences")
    sources = models.ManyToManyField(Source, blank=True, related_name="issue_statuses")

    history = RecordHistory(m2m_fields=[sources])

    derived_fields = ("effective_date",)
    constraint_error_fields = {
        "issuestatus_one_published_per_round": "round",
        "issuestatus_one_published_per_date": "date",
        "issuestatus_round_or_date": "round",
    }

    class Meta:
        ordering = ["issue", "effective_date", "id"]
        verbose_name = "issue status"
        verbose_name_plural = "issue statuses"
        permissions = [("publish_issuestatus", "Can publish, withdraw and send back issue statuses")]
        constraints = [
            round_or_date("issuestatus", "Give the round it was assessed at, or a date between rounds."),
            *one_published_per_round_and_date(
                "issuestatus",
                ["issue"],
                per_round="This issue already has a published status for this round: correct that one.",
                per_date="This issue already has a published status on this date: correct that one.",
            ),
        ]
        indexes = [models.Index(fields=["issue", "state", "effective_date"])]

    def __str__(self) -> str:
        if not self.issue_id:
            return "new status"
        return f"{self.issue}: {self.get_status_display()}"

    def clean(self) -> None:
        errors = self.clean_dating(self.issue.process_id if self.issue_id else None)
        if errors:
            raise ValidationError(errors)


class Position(Publishable, Dated):
    """One party's position on one issue as of one round or date."""

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="positions")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="positions")
    stance = models.CharField(max_length=200, help_text='a short label: "demands all of Donbas"')
    text = limited_text(SUMMARY_LENGTH, blank=True, help_text="the position in full, as reported")
    sources = models.ManyToManyField(Source, blank=True, related_name="positions")
    is_current = models.BooleanField(
        default=False,
        editable=False,
        help_text="the party's latest published position on the issue, kept by the services",
    )

    history = RecordHistory(m2m_fields=[sources], excluded_fields=["is_current"])

    derived_fields = ("effective_date", "is_current")
    constraint_error_fields = {
        "position_one_published_per_round": "round",
        "position_one_published_per_date": "date",
        "position_round_or_date": "round",
    }

    class Meta:
        ordering = ["issue", "party", "effective_date", "id"]
        permissions = [("publish_position", "Can publish, withdraw and send back positions")]
        constraints = [
            round_or_date("position", "Give the round the position was stated at, or a date between rounds."),
            *one_published_per_round_and_date(
                "position",
                ["issue", "party"],
                per_round="This party already has a published position on this issue for this round.",
                per_date="This party already has a published position on this issue on this date.",
            ),
            models.UniqueConstraint(
                fields=["issue", "party"], condition=Q(is_current=True), name="position_one_current_per_party"
            ),
        ]

    def __str__(self) -> str:
        if not (self.party_id and self.issue_id):
            return "new position"
        return f"{self.party} on {self.issue}: {self.stance}"

    def clean(self) -> None:
        errors = self.clean_dating(self.issue.process_id if self.issue_id else None)
        if errors:
            raise ValidationError(errors)


class Agreement(Publishable, Dated):
    """Something the parties agreed, with its terms and numbers."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="agreements")
    title = models.CharField(max_length=300)
    terms = limited_text(SUMMARY_LENGTH, help_text="what was agreed, as reported")
    figures = models.JSONField(
        default=list,
        blank=True,
        help_text='the numbers in the terms: [{"label": "prisoners of war exchanged", "value": 314}, '
        '{"label": "released by each side", "value": 157}]',
    )
    parties = models.ManyToManyField(Party, related_name="agreements", help_text="the parties bound by it")
    issues = models.ManyToManyField(Issue, blank=True, related_name="agreements", help_text="the issues it settles")
    carried_out_on = models.DateField(null=True, blank=True, help_text="when it was carried out, if known")
    carried_out_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    sources = models.ManyToManyField(Source, blank=True, related_name="agreements")

    history = RecordHistory(m2m_fields=[parties, issues, sources])

    derived_fields = ("effective_date",)
    constraint_error_fields = {"agreement_round_or_date": "round"}

    class Meta:
        ordering = ["process", "effective_date", "id"]
        permissions = [("publish_agreement", "Can publish, withdraw and send back agreements")]
        constraints = [
            round_or_date("agreement", "Give the round it was reached at, or a date between rounds."),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = self.clean_dating(self.process_id)
        problems = date_errors(self.carried_out_on, self.carried_out_precision, allow_future=False)
        if problems:
            errors["carried_out_on"] = problems
        elif self.carried_out_on and self.effective_date:
            # Reached on some day of its round: the round's first day is the earliest.
            talk_round = self.round if self.round_id else None
            agreed_from = talk_round.start_date if talk_round is not None else self.date
            # A dated round always has its first day (round_end_needs_start).
            if agreed_from is not None and self.carried_out_on < agreed_from:
                errors["carried_out_on"] = ["It cannot have been carried out before it was agreed."]
        figure_problem = _figures_problem(self.figures)
        if figure_problem:
            errors["figures"] = [figure_problem]
        if errors:
            raise ValidationError(errors)


def _figures_problem(figures: Any) -> str | None:
    example = 'Write a list such as [{"label": "prisoners of war exchanged", "value": 314}].'
    if not isinstance(figures, list):
        return f"The figures must be a list. {example}"
    for item in figures:
        if not isinstance(item, dict) or set(item) - {"label", "value", "unit"} or not {"label", "value"} <= set(item):
            return f"Each figure has a label and a value (and may have a unit). {example}"
        if not isinstance(item["label"], str) or not item["label"].strip():
            return "Each figure needs a label that says what it counts."
        if isinstance(item["value"], bool) or not isinstance(item["value"], int | float):
            return f"The value of {item['label']!r} must be a number."
    return None
