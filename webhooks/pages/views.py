"""The webhooks page, in the site's look: an account's subscriptions, a form for a new
one, and each subscription's deliveries with their answers, to redeliver. The secret is
shown once, in the answer to the form that made or rotated it. Signed-in subscribers,
editors and reviewers only; another account's subscription is not found."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from issues.models import Issue
from negotrack.groups import may_subscribe
from rounds.models import Process
from webhooks import services
from webhooks.models import URL_LENGTH, Attempt, Delivery, EventType, Subscription

PER_PAGE = 25


class SubscriptionForm(forms.Form):
    url = forms.CharField(label="URL", max_length=URL_LENGTH, help_text="http:// or https://, on a public address")
    events = forms.MultipleChoiceField(choices=EventType.choices, widget=forms.CheckboxSelectMultiple)
    process = forms.ModelChoiceField(
        Process.objects.order_by("name"), to_field_name="slug", required=False, empty_label="every process"
    )
    issue = forms.ModelChoiceField(
        Issue.objects.select_related("process").order_by("process__name", "sort_order", "name"),
        to_field_name="slug",
        required=False,
        label="Agenda issue",
        empty_label="every agenda issue",
    )


def subscribers_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in subscribers, editors and reviewers; never kept by any cache (a page may
    show a secret)."""

    @functools.wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_subscribe(request.user):
            raise PermissionDenied("This page is for subscribers, editors and reviewers.")
        return view(request, *args, **kwargs)

    return wrapper


def _owned(request: HttpRequest, uuid: Any) -> Subscription:
    found = Subscription.objects.owned_by(request.user).select_related("process", "issue").filter(uuid=uuid).first()
    if found is None:
        raise Http404("No such subscription.")
    return found


@subscribers_only
@require_http_methods(["GET", "HEAD", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    form = SubscriptionForm(request.POST if request.method == "POST" else None)
    made = None
    if request.method == "POST" and form.is_valid():
        try:
            made = services.subscription_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
    subscriptions = (
        Subscription.objects.owned_by(request.user).select_related("process", "issue").order_by("created_at")
    )
    status = 400 if request.method == "POST" and made is None else 200
    return render(
        request,
        "webhooks/index.html",
        {
            "form": form if made is None else SubscriptionForm(),
            "subscriptions": subscriptions,
            "made": made,
            "nav": "webhooks",
        },  # fmt: skip
        status=status,
    )


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, texts in error.message_dict.items():
            form.add_error(name if name in form.fields else None, texts)
    else:
        form.add_error(None, error.messages)


def _render_detail(request: HttpRequest, subscription: Subscription, *, secret: str | None = None) -> HttpResponse:
    attempts = Prefetch("attempt_set", Attempt.objects.order_by("-at", "-id"))
    deliveries = (
        Delivery.objects.filter(subscription=subscription)
        .select_related("event")
        .prefetch_related(attempts)
        .order_by("-id")
    )
    page = Paginator(deliveries, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "webhooks/detail.html",
        {
            "subscription": subscription,
            "page": page,
            "secret": secret,
            "nav": "webhooks",
            "retention_days": settings.WEBHOOKS_RETENTION_DAYS,
        },  # fmt: skip
    )


@subscribers_only
@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, uuid: Any) -> HttpResponse:
    return _render_detail(request, _owned(request, uuid))


@subscribers_only
@require_POST
def rotate_secret(request: HttpRequest, uuid: Any) -> HttpResponse:
    subscription = services.secret_rotate(_owned(request, uuid), by=request.user)
    return _render_detail(request, subscription, secret=subscription.secret)


@subscribers_only
@require_POST
def resume(request: HttpRequest, uuid: Any) -> HttpResponse:
    services.subscription_resume(_owned(request, uuid), by=request.user)
    messages.success(request, "The subscription is active again: the deliveries waiting go out in order.")
    return HttpResponseRedirect(reverse("webhooks:detail", args=[uuid]))


@subscribers_only
@require_POST
def delete(request: HttpRequest, uuid: Any) -> HttpResponse:
    services.subscription_delete(_owned(request, uuid), by=request.user)
    messages.success(request, "The subscription is deleted.")
    return HttpResponseRedirect(reverse("webhooks:index"))


@subscribers_only
@require_POST
def redeliver(request: HttpRequest, uuid: Any, delivery: Any) -> HttpResponse:
    subscription = _owned(request, uuid)
    found = Delivery.objects.filter(subscription=subscription, uuid=delivery).select_related("subscription").first()
    if found is None:
        raise Http404("No such delivery.")
    services.delivery_redeliver(found, by=request.user)
    messages.success(request, "The event will be sent again, after the deliveries waiting before it.")
    return HttpResponseRedirect(reverse("webhooks:detail", args=[uuid]))
