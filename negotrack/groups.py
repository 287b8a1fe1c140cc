"""Who may do what: the two editorial groups, the subscribers to webhooks, and the account
that commands write as."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Account
    from django.db import models

    from negotrack.records import User

EDITORS = "Editors"
REVIEWERS = "Reviewers"
# Accounts that read and manage their own webhook subscriptions, and write nothing else.
SUBSCRIBERS = "Subscribers"
SYSTEM_USERNAME = "negotrack-system"


def is_editorial(user: User) -> bool:
    """Editors, reviewers and superusers: the people who may use the admin."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS, REVIEWERS]).exists()


def may_subscribe(user: User) -> bool:
    """Subscribers, editors, reviewers and superusers may have webhook subscriptions."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS, REVIEWERS, SUBSCRIBERS]).exists()


def editorial_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page for editors and reviewers: anyone else is sent to sign in, or refused when
    signed in already."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editorial(request.user):
            raise PermissionDenied("This page is for editors and reviewers.")
        return view(request, *args, **kwargs)

    return wrapper


def admin_change_url(record: models.Model) -> str | None:
    """Where the admin edits `record`; None for a kind of record the admin does not show."""
    meta = record._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return None


def system_user() -> Account:
    """The account that management commands record in history: it cannot sign in."""
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"is_superuser": True, "is_staff": False, "first_name": "negotrack", "last_name": "commands"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def add_to_group(user: Account, name: str) -> None:
    user.groups.add(Group.objects.get(name=name))
