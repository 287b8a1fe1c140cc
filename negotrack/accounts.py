"""Signing in and out of the site, and the answer to a sign-in that django-axes locked.

Django's own views do the work: LoginView cycles the session key, follows `next` only
to this site, and checks the password through the backends (django-axes first);
LogoutView takes POST only and flushes the session from the store.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView, LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path


class SignInView(LoginView):
    template_name = "registration/sign_in.html"
    extra_context = {"nav": "sign-in"}


class SignOutView(LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        # In the messages cookie: the session it could go in is gone.
        messages.info(request, "You are signed out.")
        return response


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the site's page for a locked sign-in, on the site's sign-in
    page and on the admin's login alike (429, with Retry-After). Rendered here, not as a
    TemplateResponse: it replaces the view's answer in a middleware, after rendering."""
    seconds = settings.AXES_COOLOFF_TIME.total_seconds()
    context = {"nav": "sign-in", "minutes": math.ceil(seconds / 60)}
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(math.ceil(seconds))
    return response


urlpatterns = [
    path("sign-in/", SignInView.as_view(), name="sign-in"),
    path("sign-out/", SignOutView.as_view(), name="sign-out"),
]
