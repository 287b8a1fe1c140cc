"""The admin of rounds (with what was said and assessed there) and of agenda issues.

Drafts are edited like any record; published ones are read-only, with the routes a
correction takes: reviewers publish, send back, withdraw, and editors start corrections.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html_join

from delegations.models import Delegation
from issues import services
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Publishable, Statement
from negotrack.admin import RecordAdmin, RecordForm, RecordInline
from negotrack.records import Record
from rounds.models import Round, Session


class SessionInline(RecordInline):
    model = Session
    fields = ("date", "start_time", "end_time", "time_zone", "track", "summary")


class DelegationInline(RecordInline):
    model = Delegation
    fields = ("party", "roles", "note", "sources")
    autocomplete_fields = ("party", "sources")


@admin.register(Round)
class RoundAdmin(RecordAdmin):
    inlines = [SessionInline, DelegationInline]
    list_display = ("__str__", "process", "ordinal", "status", "format", "slug")
    list_filter = ("process", "status", "format", "country")
    search_fields = ("slug", "city", "country", "venue", "summary")
    autocomplete_fields = ("process", "sources")
    date_hierarchy = "start_date"
    list_select_related = ("process",)
    readonly_fields = ("slug", "record_links", *RecordAdmin.readonly_fields)

    @admin.display(description="assessed and said at this round")
    def record_links(self, obj: Round) -> str:
        if not obj.pk:
            return "—"
        links = [
            (
                reverse(f"admin:issues_{model._meta.model_name}_changelist") + f"?round__id__exact={obj.pk}",
                model._meta.verbose_name_plural,
            )
            for model in (IssueStatus, Position, Agreement, Statement)
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)


@admin.register(Issue)
class IssueAdmin(RecordAdmin):
    list_display = ("name", "process", "current_status_label", "slug")
    list_filter = ("process",)
    search_fields = ("name", "topic", "slug", "description")
    autocomplete_fields = ("process",)
    list_select_related = ("process", "current_status")

    @admin.display(description="current status", ordering="current_status__status")
    def current_status_label(self, obj: Issue) -> str:
        return obj.current_status.get_status_display() if obj.current_status else "—"

    def get_readonly_fields(self, request: HttpRequest, obj: Record | None = None) -> Sequence[str]:
        fixed = ("process", "topic", "slug") if obj else ()
        return (*fixed, "current_status", *super().get_readonly_fields(request, obj))


# --- publishable records ---------------------------------------------------------------


class PublishableForm(RecordForm):
    # The form field naming the agenda issues, which must be of the record's process.
    issues_field: str | None = None
    instance: Publishable

    def service_checks(self) -> None:
        if self.issues_field:
            instance = self.instance
            assert isinstance(instance, Agreement | Statement)  # the records whose forms name agenda issues
            problem = services.issues_outside_process(
                instance.process_id, self.cleaned_data.get(self.issues_field) or []
            )
            if problem:
                self.add_error(self.issues_field, problem)
        if "_publish" not in self.data:
            return
        if "sources" in self.fields and not self.cleaned_data.get("sources"):
            self.add_error("sources", "Cite at least one source before publishing.")
        if not self.instance.revises_id:
            # "One published per issue and round" holds only once it is published: check it
            # now so that the message stands beside its field. (A correction replaces the
            # record it revises; the service checks that case when it publishes.)
            self.instance.state = PublicationState.PUBLISHED
            try:
                self.instance.validate_constraints()
            except ValidationError as error:
                self.add_service_errors(error)
            finally:
                self.instance.state = PublicationState.DRAFT


class PublicationNoteForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Note")
    on_date = forms.DateField(required=False, label="Dated", help_text="for a withdrawal: the date of the public note")


PUBLICATION_FIELDS = (
    "state",
    "revises",
    "published_at",
    "published_by",
    "review_note",
    "withdrawn_on",
    "correction_note",
    "superseded_at",
)


class PublishableAdmin(RecordAdmin):
    model: type[Publishable]
    form = PublishableForm
    change_form_template = "admin/issues/publishable_change_form.html"
    list_filter: tuple[str, ...] = ("state",)

    def get_readonly_fields(self, request: HttpRequest, obj: Record | None = None) -> Sequence[str]:
        return (*PUBLICATION_FIELDS, *super().get_readonly_fields(request, obj))

    def has_change_permission(self, request: HttpRequest, obj: Publishable | None = None) -> bool:
        # A published record is never edited in place: it is corrected or withdrawn.
        return super().has_change_permission(request, obj) and (obj is None or obj.is_draft)

    def has_delete_permission(self, request: HttpRequest, obj: Publishable | None = None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def save_model(self, request: HttpRequest, obj: Record, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "_publish" in request.POST:
            services.draft_publish(cast(Publishable, obj), by=request.user)  # as is every model of this admin

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Publishable | None = None,
    ) -> HttpResponse:
        context.update(
            can_review=services.can_review(request.user, self.model),
            can_correct=self.has_add_permission(request),
            publication_state=obj.state if obj else PublicationState.DRAFT,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/publication/<str:action>/",
                self.admin_site.admin_view(self.publication_view),
                name=f"{info[0]}_{info[1]}_publication",
            ),
            *super().get_urls(),
        ]

    def publication_view(self, request: HttpRequest, object_id: str, action: str) -> HttpResponse:
        """Send back, withdraw (both with a note) or start a correction of one record."""
        if action not in ("send_back", "withdraw", "correct"):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        if action == "correct":
            if request.method != "POST" or not self.has_add_permission(request):
                raise PermissionDenied
            try:
                draft = services.correction_start(obj, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]))
            messages.success(request, "A correction was started: edit this draft, then have it published.")
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[draft.pk]))
        if not services.can_review(request.user, self.model):
            raise PermissionDenied
        form = PublicationNoteForm(request.POST or None, initial={"on_date": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            note = form.cleaned_data["note"]
            try:
                if action == "withdraw":
                    services.record_withdraw(obj, by=request.user, note=note, on_date=form.cleaned_data["on_date"])
                else:
                    services.draft_send_back(obj, by=request.user, note=note)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                done = "withdrawn" if action == "withdraw" else "sent back"
                messages.success(request, f"{obj} was {done}.")
                return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "form": form,
            "action": action,
            "action_label": "Withdraw" if action == "withdraw" else "Send back to the editor",
            "title": f"{'Withdraw' if action == 'withdraw' else 'Send back'}: {obj}",
        }
        return TemplateResponse(request, "admin/issues/publication_action.html", context)


@admin.register(IssueStatus)
class IssueStatusAdmin(PublishableAdmin):
    list_display = ("issue", "round", "date", "status", "state", "effective_date")
    list_filter = ("state", "status", "issue__process", "round")
    search_fields = ("issue__name", "summary", "round__slug")
    autocomplete_fields = ("issue", "round", "sources")
    list_select_related = ("issue", "round")
    fields = ("issue", "round", "date", "date_precision", "status", "summary", "sources")


@admin.register(Position)
class PositionAdmin(PublishableAdmin):
    list_display = ("party", "issue", "stance", "round", "date", "state", "is_current")
    list_filter = ("state", "is_current", "party", "issue__process")
    search_fields = ("stance", "text", "issue__name", "party__name")
    autocomplete_fields = ("issue", "party", "round", "sources")
    list_select_related = ("party", "issue", "round")
    fields = ("issue", "party", "round", "date", "date_precision", "stance", "text", "sources")


class AgreementForm(PublishableForm):
    issues_field = "issues"


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    form = AgreementForm
    list_display = ("title", "process", "round", "date", "carried_out_on", "state")
    list_filter = ("state", "process")
    search_fields = ("title", "terms")
    autocomplete_fields = ("process", "round", "parties", "issues", "sources")
    list_select_related = ("process", "round")
    fields = (
        "process",
        "round",
        "date",
        "date_precision",
        "title",
        "terms",
        "figures",
        "parties",
        "issues",
        "carried_out_on",
        "carried_out_precision",
        "sources",
    )


class StatementForm(PublishableForm):
    issues_field = "agenda_issues"
    # Not the model's `issues`: each link is a record of its own, made by the service.
    agenda_issues = forms.ModelMultipleChoiceField(
        queryset=Issue.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Statement._meta.get_field("issues"), admin.site),
        help_text="the agenda issues it concerns",
    )
    confirm_date = forms.BooleanField(
        required=False, label="Confirm the date", help_text="the date lies more than 30 days from the round's dates"
    )

    confirm_party = forms.BooleanField(
        required=False, label="Confirm the party", help_text="the speaker never sat in a delegation of this party"
    )

    instance: Statement

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["agenda_issues"].initial = list(self.instance.issues.all())

    def service_checks(self) -> None:
        super().service_checks()
        if not self.cleaned_data.get("confirm_date"):
            warning = services.statement_date_warning(self.instance)
            if warning:
                self.add_error("date", f"{warning} (tick “Confirm the date” below.)")
        if not self.cleaned_data.get("confirm_party"):
            warning = services.statement_party_warning(self.instance)
            if warning:
                self.add_error("party", f"{warning} (tick “Confirm the party” below.)")


@admin.register(Statement)
class StatementAdmin(PublishableAdmin):
    form = StatementForm
    list_display = ("__str__", "date", "party", "medium", "round", "state")
    list_filter = ("state", "process", "medium", "kind", "party", "date_precision")
    search_fields = ("text", "translation", "speaker__name", "speaker__aliases", "speaker_description")
    autocomplete_fields = ("process", "round", "session", "speaker", "party", "sources")
    list_select_related = ("speaker", "party", "round")
    date_hierarchy = "date"
    fields = (
        "process",
        "round",
        "session",
        "speaker",
        "speaker_description",
        "party",
        "confirm_party",
        "speaker_title",
        "date",
        "date_precision",
        "confirm_date",
        "medium",
        "kind",
        "language",
        "text",
        "translation",
        "agenda_issues",
        "sources",
    )

    def save_through_service(self, request: HttpRequest, obj: Record, form: forms.ModelForm[Any]) -> Record:
        return self.save_service(
            obj,
            by=request.user,
            issues=form.cleaned_data["agenda_issues"],
            sources=form.cleaned_data["sources"],
            confirm_date=form.cleaned_data["confirm_date"],
            confirm_party=form.cleaned_data["confirm_party"],
        )
