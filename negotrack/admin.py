"""The admin as an editor's workbench, wired to the services.

Every save and delete in the admin, of a record or of an inline row, calls the service
function of its model; there is no bulk action and no `list_editable` that could go
around them. The form carries the version it was read at, so two editors never silently
overwrite each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from negotrack.groups import is_editorial
from negotrack.records import Record, User, VersionConflict, awaits_review, delete_record, save_record
from negotrack.registry import require_record_type
from negotrack.revisions import AWAITS_REVIEW


class NegotrackAdminSite(admin.AdminSite):
    site_header = "negotrack editors"
    site_title = "negotrack"
    index_title = "The record"

    def has_permission(self, request: HttpRequest) -> bool:
        """Only editors, reviewers and superusers reach the admin."""
        return request.user.is_active and request.user.is_staff and is_editorial(request.user)


class RecordForm(forms.ModelForm):
    """A model form that remembers the version it was read at."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    instance: Record

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # a private hook of Django's that the stubs leave out
        expected = self.cleaned_data.get("expected_version")
        if self.instance.pk and expected is not None:
            if expected != self.instance.version:
                self.add_error(None, VersionConflict(self.instance.__class__(version=expected), self.instance.version))
            # The service checks again, under a row lock, against the version the editor saw.
            self.instance.version = expected
        if not self.errors:
            self.service_checks()

    def service_checks(self) -> None:
        """Rules the services hold beyond the model's own, shown beside their fields."""

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, field_errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, field_errors)
        else:
            self.add_error(None, error)


class ServiceWiring:
    """Routes the admin's writes of one model to the services its app registered
    (negotrack.registry).

    The form fields handed to the save service beside the record are the many-to-many
    fields it takes, and `service_flags` (confirmations such as `confirm_date`).
    """

    model: type[models.Model]
    service_flags: tuple[str, ...] = ()

    def save_service(self, record: Record, *, by: User, **extra: Any) -> Record:
        save = require_record_type(self.model).save or save_record
        return save(record, by=by, **extra)

    def delete_service(self, record: Record, *, by: User) -> None:
        delete = require_record_type(self.model).delete or delete_record
        delete(record, by=by)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """What published records show is deleted by reviewers only (the delete service
        refuses anyone else). For an inline, `obj` is the record the rows belong to: while
        published records show it, an editor is offered no row deletion there either."""
        if isinstance(obj, Record) and awaits_review(obj, request.user):
            return False
        return super().has_delete_permission(request, obj)  # type: ignore[misc]  # the admin class mixed into has it

    def service_form_fields(self) -> tuple[str, ...]:
        return (*require_record_type(self.model).many, *self.service_flags)

    def save_through_service(self, request: HttpRequest, obj: Record, form: forms.ModelForm[Any]) -> Record:
        names = self.service_form_fields()
        extra = {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}
        saved = self.save_service(obj, by=request.user, **extra)
        if saved.pending_revision is not None:
            # Said once the whole form is saved (RecordAdmin.message_user).
            awaiting: list[Record] = request.__dict__.setdefault("negotrack_awaiting_review", [])
            awaiting.append(saved)
        return saved


class BatchedLabelsMixin:
    """An autocomplete widget that takes the labels of its selected values from its
    formset, which looks them up once for all rows instead of once a row."""

    known_labels: dict[str, str] | None = None

    def optgroups(  # self: the autocomplete widget this is mixed into
        self: Any, name: str, value: Sequence[str], attr: dict[str, Any] | None = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.known_labels is None or not set(selected) <= self.known_labels.keys():
            return super().optgroups(name, value, attr)  # type: ignore[misc]  # the widget mixed into has it
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in selected:
            options.append(self.create_option(name, pk, self.known_labels[pk], True, len(options)))
        return [(None, options, 0)]


class BatchedAutocompleteSelect(BatchedLabelsMixin, AutocompleteSelect):
    pass


class BatchedAutocompleteSelectMultiple(BatchedLabelsMixin, AutocompleteSelectMultiple):
    pass


class BatchedInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows whose autocomplete fields cost one query per field, not one per row."""

    model: type[models.Model]

    def get_queryset(self) -> models.QuerySet[Any]:
        if not hasattr(self, "_batched_queryset"):
            queryset = super().get_queryset()
            # Each row's label names its related records (a delegation is "Russia at Geneva…"):
            # follow the required foreign keys in the same query.
            many = [f.name for f in self.model._meta.many_to_many if f.name in self.form.base_fields]
            self._batched_queryset = queryset.select_related().prefetch_related(*many)
        return self._batched_queryset

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        form = super()._construct_form(i, **kwargs)  # type: ignore[misc]  # private in Django, absent from the stubs
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, BatchedLabelsMixin):
                widget.known_labels = self._labels(name, field)
        return form

    def _labels(self, name: str, form_field: Any) -> dict[str, str]:
        cache = self.__dict__.setdefault("_label_cache", {})
        if name not in cache:
            model_field = self.model._meta.get_field(name)
            rows = self.get_queryset() if self.instance.pk else []
            if model_field.many_to_many:
                values = {related.pk for row in rows for related in getattr(row, name).all()}
            else:
                # A form's field: a concrete one, never a reverse relation.
                values = {getattr(row, model_field.attname) for row in rows} - {None}  # type: ignore[union-attr]
            related = form_field.queryset.filter(pk__in=values).select_related() if values else []
            cache[name] = {str(obj.pk): form_field.label_from_instance(obj) for obj in related}
        return cache[name]


class RecordInline(ServiceWiring, admin.TabularInline):
    form = RecordForm
    formset = BatchedInlineFormSet
    extra = 0
    show_change_link = True

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField[Any] | None:
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("widget", BatchedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: models.ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget", BatchedAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.inline_admin = self  # type: ignore[attr-defined]  # read back by RecordAdmin.save_formset
        return formset

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        fields = list(super().get_fields(request, obj))
        return fields if "expected_version" in fields else [*fields, "expected_version"]


class RecordAdmin(ServiceWiring, SimpleHistoryAdmin):
    form = RecordForm
    actions = None  # no bulk action: each write goes through a service, one record at a time
    readonly_fields: tuple[str, ...] = ("uuid", "version", "created_at", "updated_at")
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_fields(self, request: HttpRequest, obj: Record | None = None) -> list[Any]:
        fields = [name for name in super().get_fields(request, obj) if name not in self.readonly_fields]
        fields = fields if "expected_version" in fields else [*fields, "expected_version"]
        return [*fields, *self.get_readonly_fields(request, obj)]

    def save_model(self, request: HttpRequest, obj: Record, form: Any, change: bool) -> None:
        self.save_through_service(request, obj, form)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Many-to-many values went to the service with the record; inline rows go to theirs.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        inline = formset.inline_admin
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            inline.delete_service(obj, by=request.user)
        for row in formset.saved_forms:
            inline.save_through_service(request, row.instance, row)

    def delete_model(self, request: HttpRequest, obj: Record) -> None:
        self.delete_service(obj, by=request.user)

    def message_user(
        self, request: HttpRequest, message: str, level: int = messages.INFO, *args: Any, **kwargs: Any
    ) -> None:
        """Where a change waits for a reviewer, say so instead of "changed successfully"."""
        awaiting = request.__dict__.get("negotrack_awaiting_review")
        if awaiting and level == messages.SUCCESS:
            for record in awaiting:
                message = f"{record}: " + AWAITS_REVIEW.format(name=record._meta.verbose_name)
                super().message_user(request, message, messages.WARNING, *args, **kwargs)
            return
        super().message_user(request, message, level, *args, **kwargs)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # A rule the form could not see in advance (another editor saved meanwhile):
            # the transaction rolled back; say why and show the record as it now is.
            for message in error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(request.get_full_path())
