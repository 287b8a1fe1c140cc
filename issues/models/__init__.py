"""Agenda issues, and what the record says of them: statuses, positions, agreements, statements."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from delegations.models import Party, Person
from issues.vocabulary import AssessmentStatus
from negotrack.records import Record, RecordHistory, RecordQuerySet
from rounds.dates import DatePrecision, date_errors
from rounds.models import Process, Round, Session, Source


class PublicationState(models.TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"
    WITHDRAWN = "withdrawn", "withdrawn"
    SUPERSEDED = "superseded", "superseded by a correction"


PUBLIC_STATES = (PublicationState.PUBLISHED, PublicationState.WITHDRAWN, PublicationState.SUPERSEDED)


class PublishableQuerySet(RecordQuerySet):
    def published(self):
        return self.filter(state=PublicationState.PUBLISHED)

    def public(self):
        """The public record: published records, and withdrawn or superseded ones as correction notices."""
        return self.filter(state__in=PUBLIC_STATES)

    def drafts(self):
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
    withdrawn_on = models.DateField(null=True, blank=True, editable=False)
    correction_note = models.TextField(blank=True, editable=False, help_text="the public note of a withdrawal")
    superseded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_draft(self) -> bool:
        return self.state == PublicationState.DRAFT

    @property
    def notice_on(self):
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

    derived_fields = ("effective_date",)

    class Meta:
        abstract = True

    def compute_effective_date(self):
        if self.round_id:
            return self.round.effective_date
        return self.date

    def clean_dating(self, process_id) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        if self.round_id and self.date:
            errors["date"] = ["Give either the round or a date between rounds, not both."]
        elif not self.round_id and not self.date:
            errors["round"] = ["Give the round it was assessed at, or a date between rounds."]
        elif self.round_id:
            if process_id and self.round.process_id != process_id:
                errors["round"] = [f"This round belongs to another process ({self.round.process})."]
            elif not self.round.effective_date:
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


def one_published_per_round_and_date(name: str, keys: list[str], *, per_round: str, per_date: str) -> list:
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


class Issue(Record):
    """An agenda issue of one process (territory, ceasefire monitoring, a prisoner exchange)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="issues")
    topic = models.SlugField(
        max_length=60, help_text="what the issue is about, in a slug: territory, ceasefire-monitoring"
    )
    slug = models.SlugField(max_length=140, unique=True, editable=False, help_text="{process}-{topic}, fixed once made")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
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

    def validate_unique(self, exclude=None):
        # The slug is made from process and topic, whose own constraint names the problem.
        super().validate_unique(exclude={*(exclude or ()), "slug"})


class IssueStatus(Publishable, Dated):
    """Where one issue stands after one round, or on a date between rounds."""

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(max_length=16, choices=AssessmentStatus.choices)
    summary = models.TextField(blank=True, help_text="what the reports say, in a few sentences")
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

    def clean(self):
        errors = self.clean_dating(self.issue.process_id if self.issue_id else None)
        if errors:
            raise ValidationError(errors)


class Position(Publishable, Dated):
    """One party's position on one issue as of one round or date."""

    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="positions")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="positions")
    stance = models.CharField(max_length=200, help_text='a short label: "demands all of Donbas"')
    text = models.TextField(blank=True, help_text="the position in full, as reported")
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

    def clean(self):
        errors = self.clean_dating(self.issue.process_id if self.issue_id else None)
        if errors:
            raise ValidationError(errors)


class Agreement(Publishable, Dated):
    """Something the parties agreed, with its terms and numbers."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="agreements")
    title = models.CharField(max_length=300)
    terms = models.TextField(help_text="what was agreed, as reported")
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

    def clean(self):
        errors = self.clean_dating(self.process_id)
        problems = date_errors(self.carried_out_on, self.carried_out_precision, allow_future=False)
        if problems:
            errors["carried_out_on"] = problems
        elif self.carried_out_on and self.effective_date:
            # Reached on some day of its round: the round's first day is the earliest.
            agreed_from = self.round.start_date if self.round_id else self.date
            if self.carried_out_on < agreed_from:
                errors["carried_out_on"] = ["It cannot have been carried out before it was agreed."]
        figure_problem = _figures_problem(self.figures)
        if figure_problem:
            errors["figures"] = [figure_problem]
        if errors:
            raise ValidationError(errors)


def _figures_problem(figures) -> str | None:
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


def statement_search_vector() -> SearchVector:
    """A statement's own words for full-text search on PostgreSQL; the index of migration
    0002 is built on this very expression, so the two must stay alike."""
    return SearchVector("text", "translation", "speaker_description", config="simple")


class Statement(Publishable):
    """What was said, by whom, how, and where it was reported."""

    class Medium(models.TextChoices):
        PRESS_REMARKS = "press_remarks", "remarks to the press"
        PRESS_CONFERENCE = "press_conference", "press conference"
        SOCIAL_MEDIA = "social_media", "social-media post"
        INTERVIEW = "interview", "interview"
        READOUT = "readout", "official readout or statement"
        SPEECH = "speech", "speech"
        OTHER = "other", "other"
        NOT_REPORTED = "not_reported", "not reported"

    class Kind(models.TextChoices):
        QUOTE = "quote", "direct quote"
        PARAPHRASE = "paraphrase", "paraphrase"

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="statements")
    round = models.ForeignKey(
        Round,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
        help_text="if said at a round",
    )
    session = models.ForeignKey(
        Session,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
        help_text="if said at a session",
    )
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    speaker_description = models.CharField(
        max_length=200, blank=True, help_text='when the speaker is not named: "a senior Russian official"'
    )
    party = models.ForeignKey(
        Party,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
        help_text="the side they speak for",
    )
    speaker_title = models.CharField(max_length=300, blank=True, help_text="their title when speaking")
    date = models.DateField()
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    medium = models.CharField(max_length=20, choices=Medium.choices, default=Medium.PRESS_REMARKS, verbose_name="how")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.QUOTE)
    language = models.CharField(max_length=12, default="en", help_text="language of the text, as a code: en, ru, uk")
    text = models.TextField(help_text="the words as said (quote) or as reported (paraphrase), in the original language")
    translation = models.TextField(blank=True, help_text="an English translation, when the text is in another language")
    text_is_translation = models.BooleanField(
        default=False,
        verbose_name="text is a reported translation",
        help_text="the original wording is not on record: the text is the report's own rendering in its language",
    )
    issues = models.ManyToManyField(Issue, through="StatementIssue", blank=True, related_name="statements")
    sources = models.ManyToManyField(Source, blank=True, related_name="statements")

    history = RecordHistory(m2m_fields=[sources])

    constraint_error_fields = {"statement_has_speaker": "speaker"}

    class Meta:
        ordering = ["-date", "-id"]
        permissions = [("publish_statement", "Can publish, withdraw and send back statements")]
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | ~Q(speaker_description=""),
                name="statement_has_speaker",
                violation_error_message="Pick the speaker, or describe them when they are not named.",
            ),
        ]
        indexes = [
            models.Index(fields=["process", "date"]),
            models.Index(fields=["speaker", "date"]),
            # The newest statements first, as the pages and the API list them.
            models.Index(fields=["-date", "-id"], name="statement_newest_first"),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.speaker_label}: “{text}”"

    @property
    def speaker_label(self) -> str:
        if self.speaker_id:
            return str(self.speaker)
        return self.speaker_description or "unknown speaker"

    def clean(self):
        errors: dict[str, list[str]] = {}
        problems = date_errors(self.date, self.date_precision, allow_future=False)
        if problems:
            errors["date"] = problems
        if not self.speaker_id and not self.speaker_description.strip():
            errors["speaker"] = ["Pick the speaker, or describe them when they are not named."]
        if self.session_id:
            if not self.round_id:
                self.round_id = self.session.round_id
            elif self.session.round_id != self.round_id:
                errors["session"] = ["This session belongs to another round."]
        if self.round_id and self.process_id and self.round.process_id != self.process_id:
            errors["round"] = [f"This round belongs to another process ({self.round.process})."]
        if self.language:
            self.language = self.language.strip().lower()
        if self.language and self.language != "en" and not self.translation.strip():
            errors["translation"] = ["Give an English translation of a text in another language."]
        if errors:
            raise ValidationError(errors)


class StatementIssue(Record):
    """A statement concerns an issue; its own model, so that links keep their history."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="issue_links")
    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="statement_links")

    history = RecordHistory()

    constraint_error_fields = {"statementissue_once": "issue"}
    change_log_relations = ("statement", "issue")

    class Meta:
        verbose_name = "statement–issue link"
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "issue"],
                name="statementissue_once",
                violation_error_message="The statement is already linked to this issue.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} → {self.issue}"

    def change_refs(self) -> dict[str, str]:
        return {"statement": str(self.statement.uuid), "issue": self.issue.slug}

    def change_publication_state(self) -> str:
        # A link is as public as its statement: a draft's links stay out of the public feed.
        return self.statement.state

    def clean(self):
        if self.statement_id and self.issue_id and self.statement.process_id != self.issue.process_id:
            raise ValidationError({"issue": f"{self.issue} is an agenda issue of another process."})


# --- timelines: derived data, rebuilt by background jobs, never edited by hand ---------------


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
    """One entry of an issue's timeline, as the builder (issues.timeline) made it."""

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
