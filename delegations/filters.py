"""Filters for the delegations app's API lists. Bad values answer 400 naming the filter."""

import django_filters

from delegations.models import (
    Attendance,
    Delegation,
    DelegationQuerySet,
    DelegationRole,
    Membership,
    Party,
    Person,
    PersonQuerySet,
)
from rounds.models import Process, Round


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q", help_text="people whose name or one of whose aliases contains this text, in any script"
    )

    class Meta:
        model = Person
        fields = ["q"]

    def filter_q(self, queryset: PersonQuerySet, name: str, value: str) -> PersonQuerySet:
        return queryset.matching(value)


class DelegationFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(
        queryset=Round.objects.all(),
        to_field_name="slug",
        help_text="delegations at the round with this slug; an unknown slug answers 400",
    )
    party = django_filters.ModelChoiceFilter(
        queryset=Party.objects.all(),
        to_field_name="slug",
        help_text="delegations of the party with this slug; an unknown slug answers 400",
    )
    process = django_filters.ModelChoiceFilter(
        field_name="round__process",
        queryset=Process.objects.all(),
        to_field_name="slug",
        help_text="delegations at rounds of the process with this slug; an unknown slug answers 400",
    )
    role = django_filters.ChoiceFilter(
        choices=DelegationRole.choices,
        method="filter_role",
        help_text="delegations that held this role at their round, alone or beside others",
    )

    class Meta:
        model = Delegation
        fields = ["round", "party", "process", "role"]

    def filter_role(self, queryset: DelegationQuerySet, name: str, value: str) -> DelegationQuerySet:
        return queryset.holding(value)


class MembershipFilter(django_filters.FilterSet):
    person = django_filters.ModelChoiceFilter(
        queryset=Person.objects.all(),
        to_field_name="slug",
        help_text="memberships of the person with this slug; an unknown slug answers 400",
    )
    round = django_filters.ModelChoiceFilter(
        field_name="delegation__round",
        queryset=Round.objects.all(),
        to_field_name="slug",
        help_text="memberships in delegations at the round with this slug; an unknown slug answers 400",
    )

    class Meta:
        model = Membership
        fields = ["person", "round"]


class AttendanceFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(
        field_name="session__round",
        queryset=Round.objects.all(),
        to_field_name="slug",
        help_text="attendance at sessions of the round with this slug; an unknown slug answers 400",
    )
    person = django_filters.ModelChoiceFilter(
        field_name="membership__person",
        queryset=Person.objects.all(),
        to_field_name="slug",
        help_text="attendance of the person with this slug; an unknown slug answers 400",
    )

    class Meta:
        model = Attendance
        fields = ["round", "person"]
