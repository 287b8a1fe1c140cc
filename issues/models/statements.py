"""Statements: what was said, by whom, how, and where it was reported; and their links to
the agenda issues they concern."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Left

from delegations.models import Party, Person
from issues.models.issues import Issue
from issues.models.publication import Publishable
from negotrack.limits import TEXT_LENGTH, limited_text
from negotrack.records import Record, RecordHistory
from rounds.dates import DatePrecision, date_errors
from rounds.models import Process, Round, Session, Source

# A statement's text and its translation hold at most this many characters each: a long
# speech fits, and a statement's search document stays well under PostgreSQL's limit of
# 1 MB of distinct words (a character is at most 4 bytes).
MAX_TEXT_LENGTH = TEXT_LENGTH
# What a search document keeps of a speaker's aliases, which no limit bounds.
MAX_SEARCHED_ALIASES = 10_000


def statement_search_document() -> SearchVector:
    """What `q` searches on PostgreSQL, as one text-search vector: the statement's words,
    the description of an unnamed speaker, and the speaker's name and aliases. The `simple`
    configuration lower-cases without stemming, so names match in any language.

    Each part is cut at its limit, so that a statement saved before the limits were set
    still makes a document PostgreSQL can store."""
    return SearchVector(
        Left("text", MAX_TEXT_LENGTH),
        Left("translation", MAX_TEXT_LENGTH),
        "speaker_description",
        "speaker__name",
        Left("speaker__aliases", MAX_SEARCHED_ALIASES),
        config="simple",
    )


class StatementKind(models.TextChoices):
    QUOTE = "quote", "direct quote"
    PARAPHRASE = "paraphrase", "paraphrase"


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
    kind = models.CharField(max_length=12, choices=StatementKind.choices, default=StatementKind.QUOTE)
    language = models.CharField(max_length=12, default="en", help_text="language of the text, as a code: en, ru, uk")
    text = limited_text(
        MAX_TEXT_LENGTH,
        help_text="the words as said (quote) or as reported (paraphrase), in the original language",
    )
    translation = limited_text(
        MAX_TEXT_LENGTH,
        blank=True,
        help_text="an English translation, when the text is in another language",
    )
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
            # Who has spoken in a process, one probe a person (the entry page offers them).
            models.Index(fields=["process", "speaker"], name="statement_process_speaker"),
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

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        problems = date_errors(self.date, self.date_precision, allow_future=False)
        if problems:
            errors["date"] = problems
        if not self.speaker_id and not self.speaker_description.strip():
            errors["speaker"] = ["Pick the speaker, or describe them when they are not named."]
        session = self.session if self.session_id else None
        if session is not None:
            if not self.round_id:
                self.round_id = session.round_id
            elif session.round_id != self.round_id:
                errors["session"] = ["This session belongs to another round."]
        if self.round_id and self.process_id:
            talk_round = self.round
            if talk_round is not None and talk_round.process_id != self.process_id:
                errors["round"] = [f"This round belongs to another process ({talk_round.process})."]
        if self.language:
            self.language = self.language.strip().lower()
        if self.language and self.language != "en" and not self.translation.strip():
            errors["translation"] = ["Give an English translation of a text in another language."]
        if errors:
            raise ValidationError(errors)


class StatementSearch(models.Model):
    """A statement's search document (`statement_search_document`), so that a search is
    one query on one GIN index, however many words it has.

    Derived data, on PostgreSQL only (SQLite searches the fields themselves,
    negotrack.search): issues.services.search writes it in the transaction of every save
    that changes the statement's words or its speaker's names. A row of its own rather
    than a column of the statement, so that listing statements never reads it and saving a
    statement never writes back a stale copy.
    """

    statement = models.OneToOneField(Statement, on_delete=models.CASCADE, primary_key=True, related_name="search")
    document = SearchVectorField()

    class Meta:
        # Created on PostgreSQL only, by migration 0005.
        indexes = [GinIndex(fields=["document"], name="statementsearch_document")]

    def __str__(self) -> str:
        return f"search document of statement {self.statement_id}"


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

    def clean(self) -> None:
        if self.statement_id and self.issue_id and self.statement.process_id != self.issue.process_id:
            raise ValidationError({"issue": f"{self.issue} is an agenda issue of another process."})
