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
from negotrack.filtering import slug_filter
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
    round = slug_filter(Round, "delegations at the round with this slug")
    party = slug_filter(Party, "delegations of the party with this slug")
    process = slug_filter(Process, "delegations at rounds of the process with this slug", field_name="round__process")
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
    person = slug_filter(Person, "memberships of the person with this slug")
    round = slug_filter(Round, "memberships in delegations at the round with this slug", field_name="delegation__round")

    class Meta:
        model = Membership
        fields = ["person", "round"]


class AttendanceFilter(django_filters.FilterSet):
    round = slug_filter(Round, "attendance at sessions of the round with this slug", field_name="session__round")
    person = slug_filter(Person, "attendance of the person with this slug", field_name="membership__person")

    class Meta:
        model = Attendance
        fields = ["round", "person"]
