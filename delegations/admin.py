from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from delegations.matching import LISTED
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
from delegations.services import PersonLooksKnown, chair_problems, person_new_check
from negotrack.admin import RecordAdmin, RecordForm, RecordInline
from negotrack.records import Record
from rounds.models import Session


class FixedSlugMixin:
    """The slug is proposed from the name when a record is added, and fixed after."""

    slug_from = ("name",)

    def get_prepopulated_fields(self, request: HttpRequest, obj: Record | None = None) -> dict[str, Sequence[str]]:
        return {} if obj else {"slug": self.slug_from}

    def get_readonly_fields(self, request: HttpRequest, obj: Record | None = None) -> Sequence[str]:
        fixed = ("slug",) if obj else ()
        return (*fixed, *super().get_readonly_fields(request, obj))  # type: ignore[misc]  # mixed into a RecordAdmin


@admin.register(Party)
class PartyAdmin(FixedSlugMixin, RecordAdmin):
    list_display = ("name", "short_name", "kind", "slug")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "slug")


class PersonForm(RecordForm):
    """A new person who looks like someone on record is shown the people they may be, and
    a box to tick when they are someone else (the service holds the same rule)."""

    confirm_new = forms.BooleanField(
        required=False,
        label="This is a new person",
        help_text="not one of the people on record named above",
        widget=forms.HiddenInput,  # a box once the name looks like someone's
    )

    instance: Person

    def service_checks(self) -> None:
        if not self.instance._state.adding or self.cleaned_data.get("confirm_new"):
            return
        try:
            person_new_check(self.instance)
        except PersonLooksKnown as error:
            self.fields["confirm_new"].widget = forms.CheckboxInput()
            people = format_html_join(
                ", ",
                '<a href="{}" target="_blank">{}</a> ({})',
                (
                    (reverse("admin:delegations_person_change", args=[person.pk]), person.name, person.slug)
                    for person in error.people[:LISTED]
                ),
            )
            self.add_error(
                "name",
                format_html(
                    "“{}” looks like someone on record: {}. If this is someone else, tick “This is a new person” "
                    "below and save again.",
                    error.name,
                    people,
                ),
            )


@admin.register(Person)
class PersonAdmin(FixedSlugMixin, RecordAdmin):
    form = PersonForm
    service_flags = ("confirm_new",)
    list_display = ("name", "description", "slug")
    list_filter = ("memberships__delegation__party", "memberships__role")
    search_fields = ("name", "aliases", "slug")

    def get_search_results(
        self, request: HttpRequest, queryset: PersonQuerySet, search_term: str
    ) -> tuple[PersonQuerySet, bool]:
        # By name or alias in any script and case (the speaker autocomplete uses this too).
        if not search_term.strip():
            return queryset, False
        return queryset.matching(search_term), False


class MembershipForm(RecordForm):
    def service_checks(self) -> None:
        """A second chair at the round, said beside the role before anything is saved."""
        membership = cast(Membership, self.instance)
        if membership.delegation_id:
            problem = chair_problems([membership]).get(0)
            if problem:
                self.add_error("role", ValidationError(problem))


class MembershipInline(RecordInline):
    model = Membership
    form = MembershipForm
    fields = ("person", "role", "title", "note", "sources")
    autocomplete_fields = ("person", "sources")


class HoldingRoleFilter(admin.SimpleListFilter):
    """Delegations that held a role, alone or beside others."""

    title = "role"
    parameter_name = "role"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(DelegationRole.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        role = self.value()
        return cast(DelegationQuerySet, queryset).holding(role) if role else queryset


@admin.register(Delegation)
class DelegationAdmin(RecordAdmin):
    inlines = [MembershipInline]
    list_display = ("party", "round", "roles_label")
    list_filter = (HoldingRoleFilter, "round__process", "party")
    search_fields = ("party__name", "round__slug", "round__city", "note")
    autocomplete_fields = ("round", "party", "sources")
    list_select_related = ("party", "round")

    @admin.display(description="roles")
    def roles_label(self, obj: Delegation) -> str:
        return obj.get_roles_display()


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    form = MembershipForm
    list_display = ("person", "title", "role", "delegation")
    list_filter = ("role", "delegation__party", "delegation__round__process")
    search_fields = ("person__name", "person__aliases", "title")
    autocomplete_fields = ("delegation", "person", "sources")
    list_select_related = ("person", "delegation__party", "delegation__round")


class AttendanceInline(RecordInline):
    model = Attendance
    fields = ("membership",)
    autocomplete_fields = ("membership",)


@admin.register(Session)
class SessionAdmin(RecordAdmin):
    inlines = [AttendanceInline]
    list_display = ("round", "date", "start_time", "end_time", "track")
    list_filter = ("track", "round__process")
    search_fields = ("round__slug", "round__city", "summary")
    autocomplete_fields = ("round",)
    list_select_related = ("round",)
