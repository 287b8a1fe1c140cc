"""Query filters of the read API: slugs name processes, rounds, issues, parties and
people; UUIDs name sessions."""

import datetime
import uuid
from typing import Any

from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Model, Q, QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import ModelChoiceField
from drf_spectacular.utils import extend_schema_field

from delegations.models import Party, Person
from issues.models import Agreement, Issue, IssueStatus, Position, Statement
from issues.vocabulary import AssessmentStatus
from negotrack.filtering import slug_filter
from negotrack.search import contains_any_case
from rounds.dates import DatePrecision
from rounds.models import Process, Round, Session


def by_slug(model: type[Model], field_name: str, what: str) -> filters.ModelChoiceFilter:
    """A filter that takes the slug of `what` and answers 400 when nothing has it."""
    return slug_filter(model, f"the slug of {what}", field_name=field_name)


class WholeNumberFilter(filters.NumberFilter):
    field_class = forms.IntegerField


class RoundFilter(filters.FilterSet):
    process = by_slug(Process, "process", "the negotiation process")
    status = filters.ChoiceFilter(choices=Round.Status.choices, help_text="the round's status")
    # The schema says what the form field checks, so that a year out of range is a bad request by both.
    year = extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 9999})(
        WholeNumberFilter(
            method="in_year",
            min_value=1900,
            max_value=9999,
            help_text="rounds that were held (in part) in this year; another value answers 400",
        )
    )

    class Meta:
        model = Round
        fields = ["process", "status", "year"]

    def in_year(self, queryset: QuerySet[Round], name: str, value: int) -> QuerySet[Round]:
        return queryset.filter(Q(start_date__year=value) | Q(end_date__year=value))


class IssueFilter(filters.FilterSet):
    process = by_slug(Process, "process", "the negotiation process")

    class Meta:
        model = Issue
        fields = ["process"]


class IssueStatusFilter(filters.FilterSet):
    process = by_slug(Process, "issue__process", "the negotiation process")
    issue = by_slug(Issue, "issue", "the agenda issue")
    round = by_slug(Round, "round", "the round it was assessed at")
    status = filters.ChoiceFilter(
        choices=AssessmentStatus.choices, help_text="a status of the vocabulary; any other value answers 400"
    )

    class Meta:
        model = IssueStatus
        fields = ["process", "issue", "round", "status"]


class PositionFilter(filters.FilterSet):
    process = by_slug(Process, "issue__process", "the negotiation process")
    issue = by_slug(Issue, "issue", "the agenda issue")
    round = by_slug(Round, "round", "the round it was stated at")
    party = by_slug(Party, "party", "the party whose position it is")

    class Meta:
        model = Position
        fields = ["process", "issue", "round", "party"]


class AgreementFilter(filters.FilterSet):
    process = by_slug(Process, "process", "the negotiation process")
    issue = by_slug(Issue, "issues", "an agenda issue it settles")
    round = by_slug(Round, "round", "the round it was reached at")
    party = by_slug(Party, "parties", "a party bound by it")

    class Meta:
        model = Agreement
        fields = ["process", "issue", "round", "party"]


class UUIDChoiceField(ModelChoiceField):
    """A record named by its UUID: a malformed one is refused like an unknown one, not a 500."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values:
            try:
                uuid.UUID(str(value))
            except ValueError:
                raise forms.ValidationError(f"{value!r} is not a UUID.", code="invalid") from None
        return super().to_python(value)


class UUIDChoiceFilter(filters.ModelChoiceFilter):
    field_class = UUIDChoiceField


class StatementFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()  # type: ignore[assignment]  # Form.clean returns cleaned_data
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "date_to lies before date_from.")
        return cleaned


def _days_before(value: datetime.date, days: int) -> datetime.date:
    shift = datetime.timedelta(days=days)
    return value - shift if value - datetime.date.min >= shift else datetime.date.min


# What `q` searches: the words, and whoever said them under any of their names.
SEARCHED_FIELDS = ["text", "translation", "speaker__name", "speaker__aliases", "speaker_description"]

# How much `q` may ask: each word costs the search, and one reader must not be able to
# make it read the record a thousand times over.
MAX_SEARCH_WORDS = 12
MAX_SEARCH_LENGTH = 200


def few_enough_words(value: str) -> None:
    count = len(value.split())
    if count > MAX_SEARCH_WORDS:
        raise forms.ValidationError(
            f"Search for at most {MAX_SEARCH_WORDS} words (this has {count}).", code="too_many_words"
        )


class StatementFilter(filters.FilterSet):
    process = by_slug(Process, "process", "the negotiation process")
    round = by_slug(Round, "round", "the round it was said at")
    session = UUIDChoiceFilter(
        field_name="session",
        to_field_name="uuid",
        queryset=Session.objects.all(),
        help_text="the UUID of the session it was said at; an unknown or malformed UUID answers 400",
    )
    speaker = by_slug(Person, "speaker", "the person who said it")
    party = by_slug(Party, "party", "the party the speaker spoke for")
    issue = by_slug(Issue, "issues", "an agenda issue it concerns")
    date_from = filters.DateFilter(
        method="reaching",
        help_text="YYYY-MM-DD: statements whose date (a day, or the whole of its week or month) "
        "ends on or after this day; a malformed date answers 400",
    )
    date_to = filters.DateFilter(
        method="starting_by",
        help_text="YYYY-MM-DD: statements whose date (a day, or the whole of its week or month) "
        "begins on or before this day; a malformed date answers 400",
    )
    q = filters.CharFilter(
        method="search",
        max_length=MAX_SEARCH_LENGTH,
        validators=[few_enough_words],
        help_text="words that the text, its translation, the speaker's name or aliases, or the description "
        f"of an unnamed speaker contain, in any script and case (all the words must occur); at most "
        f"{MAX_SEARCH_WORDS} words and {MAX_SEARCH_LENGTH} characters, more answers 400",
    )

    class Meta:
        model = Statement
        fields = ["process", "round", "session", "speaker", "party", "issue", "date_from", "date_to", "q"]
        form = StatementFilterForm

    def reaching(self, queryset: QuerySet[Statement], name: str, value: datetime.date) -> QuerySet[Statement]:
        """The span [date, span_end(date, precision)] ends on or after `value`.

        Rewritten per precision as a bound on the stored first day, so the same plain date
        comparison runs on SQLite and PostgreSQL and can use the date indexes: a week
        (date + 6) reaches `value` when it starts at most six days before it, a month when
        it starts no earlier than the first of `value`'s month.
        """
        vague = [DatePrecision.WEEK, DatePrecision.MONTH]
        return queryset.filter(
            Q(date_precision=DatePrecision.WEEK, date__gte=_days_before(value, 6))
            | Q(date_precision=DatePrecision.MONTH, date__gte=value.replace(day=1))
            | (~Q(date_precision__in=vague) & Q(date__gte=value))
        )

    def starting_by(self, queryset: QuerySet[Statement], name: str, value: datetime.date) -> QuerySet[Statement]:
        # A vague date is stored as the first day of its span.
        return queryset.filter(date__lte=value)

    def search(self, queryset: QuerySet[Statement], name: str, value: str) -> QuerySet[Statement]:
        words = value.split()
        if not words:
            return queryset
        if connections[queryset.db].vendor == "postgresql":
            return self.full_text(queryset, words)
        for word in words:
            queryset = contains_any_case(queryset, SEARCHED_FIELDS, word)
        return queryset

    @staticmethod
    def full_text(queryset: QuerySet[Statement], words: list[str]) -> QuerySet[Statement]:
        """Every word in the statement's search document (issues.models.StatementSearch): one
        condition on one GIN index, however many words. `plainto_tsquery` ANDs the words and
        drops the punctuation that the query syntax would read as operators."""
        return queryset.filter(search__document=SearchQuery(" ".join(words), config="simple"))
