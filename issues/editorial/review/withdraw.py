"""Withdrawing a published record from the review queue, with a dated public note."""

from __future__ import annotations

import datetime
from typing import cast
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from issues.editorial.descriptions import describe
from issues.editorial.review.items import loaded_with, model_named
from issues.editorial.review.views import STALE, queue_url
from issues.models import PublicationState
from issues.services import can_review, record_withdraw, withdrawal_date_problem
from negotrack.groups import editorial_only


class WithdrawForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Public note",
        help_text="Shown on the public record: why the record is withdrawn.",
    )
    on_date = forms.DateField(label="Withdrawn on", help_text="YYYY-MM-DD; today unless you say otherwise.")
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise ValidationError("Say publicly why the record is withdrawn.")
        return note

    def clean_on_date(self) -> datetime.date:
        on_date: datetime.date = self.cleaned_data["on_date"]
        problem = withdrawal_date_problem(on_date)
        if problem:
            raise ValidationError(problem)
        return on_date


@require_http_methods(["GET", "POST"])
@editorial_only
def withdraw_record(request: HttpRequest, kind: str, uuid: UUID) -> HttpResponse:
    model = model_named(kind)
    if not can_review(request.user, model):
        raise PermissionDenied("Only reviewers withdraw records.")
    related, prefetch = loaded_with(model)
    record = model.objects.select_related(*related).prefetch_related(*prefetch).filter(uuid=uuid).first()
    if record is None:
        raise Http404("No such record.")
    name = str(record._meta.verbose_name)
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if data["expected_version"] != record.version:
                form.add_error(None, STALE.format(name=name, done="withdrawn"))
                # The page now shows the record as it is: a second submit acts on that.
                posted = cast(QueryDict, form.data).copy()  # the form was bound to request.POST
                posted["expected_version"] = str(record.version)
                form.data = posted
            else:
                try:
                    record_withdraw(record, by=request.user, note=data["note"], on_date=data["on_date"])
                except (ValidationError, PermissionDenied) as error:
                    if getattr(error, "code", None) == "version_conflict":
                        form.add_error(None, STALE.format(name=name, done="withdrawn"))
                    else:
                        texts = error.messages if isinstance(error, ValidationError) else [str(error)]
                        for text in texts:
                            form.add_error(None, f"Nothing was withdrawn: {text}")
                else:
                    messages.success(request, f"{name.capitalize()} withdrawn: {record}.")
                    return HttpResponseRedirect(queue_url())
    else:
        form = WithdrawForm(initial={"on_date": timezone.localdate(), "expected_version": record.version})
    context = {
        "record": record,
        "kind_label": name,
        "fields": describe(record),
        "form": form,
        "is_published": record.state == PublicationState.PUBLISHED,
        "nav": "review",
        "breadcrumbs": [("Review queue", queue_url()), (f"Withdraw {record}", None)],
    }
    return render(request, "review/withdraw.html", context, status=400 if form.errors else 200)
