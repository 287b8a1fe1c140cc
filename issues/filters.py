"""Query filters of the read API: slugs name processes, rounds, issues and parties."""

from django.db.models import Q
from django_filters import rest_framework as filters

from delegations.models import Party
from issues.models import Agreement, Issue, IssueStatus, Position
from issues.vocabulary import AssessmentStatus
from rounds.models import Process, Round


def by_slug(model, field_name: str, what: str) -> filters.ModelChoiceFilter:
    """A filter that takes a slug and answers 400 when nothing has it."""
    return filters.ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=model.objects.all(),
        help_text=f"the slug of {what}; an unknown slug answers 400",
    )


class RoundFilter(filters.FilterSet):
    process = by_slug(Process, "process", "the negotiation process")
    status = filters.ChoiceFilter(choices=Round.Status.choices, help_text="the round's status")
    year = filters.NumberFilter(
        method="in_year", min_value=1900, max_value=9999, help_text="rounds that were held (in part) in this year"
    )

    class Meta:
        model = Round
        fields = ["process", "status", "year"]

    def in_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(Q(start_date__year=year) | Q(end_date__year=year))


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
