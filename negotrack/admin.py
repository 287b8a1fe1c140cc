"""The admin as an editor's workbench, wired to the services.

Every save and delete in the admin, of a record or of an inline row, calls the service
function of its model; there is no bulk action and no `list_editable` that could go
around them. The form carries the version it was read at, so two editors never silently
overwrite each other.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from negotrack.groups import is_editorial
from negotrack.records import VersionConflict, delete_record, save_record


class NegotrackAdminSite(admin.AdminSite):
    site_header = "negotrack editors"
    site_title = "negotrack"
    index_title = "The record"

    def has_permission(self, request):
        """Only editors, reviewers and superusers reach the admin."""
        return request.user.is_active and request.user.is_staff and is_editorial(request.user)


class RecordForm(forms.ModelForm):
    """A model form that remembers the version it was read at."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def _post_clean(self):
        super()._post_clean()
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
    """Routes the admin's writes of one model to its services.

    `save_service(record, *, by, **extra)` saves; `service_form_fields` names the form
    fields handed to it beside the record (many-to-many values, confirmations).
    """

    save_service = staticmethod(save_record)
    delete_service = staticmethod(delete_record)
    service_form_fields: tuple[str, ...] = ()

    def save_through_service(self, request, obj, form):
        extra = {name: form.cleaned_data[name] for name in self.service_form_fields if name in form.cleaned_data}
        return self.save_service(obj, by=request.user, **extra)


class RecordInline(ServiceWiring, admin.TabularInline):
    form = RecordForm
    extra = 0
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.inline_admin = self
        return formset

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return fields if "expected_version" in fields else [*fields, "expected_version"]


class RecordAdmin(ServiceWiring, SimpleHistoryAdmin):
    form = RecordForm
    actions = None  # no bulk action: each write goes through a service, one record at a time
    readonly_fields = ("uuid", "version", "created_at", "updated_at")
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_fields(self, request, obj=None):
        fields = [name for name in super().get_fields(request, obj) if name not in self.readonly_fields]
        fields = fields if "expected_version" in fields else [*fields, "expected_version"]
        return [*fields, *self.get_readonly_fields(request, obj)]

    def save_model(self, request, obj, form, change):
        self.save_through_service(request, obj, form)

    def save_related(self, request, form, formsets, change):
        # Many-to-many values went to the service with the record; inline rows go to theirs.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        inline = formset.inline_admin
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            inline.delete_service(obj, by=request.user)
        for row in formset.saved_forms:
            inline.save_through_service(request, row.instance, row)

    def delete_model(self, request, obj):
        self.delete_service(obj, by=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # A rule the form could not see in advance (another editor saved meanwhile):
            # the transaction rolled back; say why and show the record as it now is.
            for message in error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(request.get_full_path())
