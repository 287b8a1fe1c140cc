"""The `negotrack.auth` log: sign-ins, failed ones, lockouts, sign-outs and refused writes.

One JSON line each (negotrack.requestlog), with the request's id. What a client chose
(the name tried, the path) is escaped; no line carries a password, a token, a session
key or any header.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from negotrack.requestlog import clean, client_ip

if TYPE_CHECKING:
    from negotrack.records import User

logger = logging.getLogger("negotrack.auth")

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _username(user: User | None) -> str | None:
    return None if user is None or not user.is_authenticated else clean(user.get_username())


@receiver(user_logged_in, dispatch_uid="negotrack.authlog.signed_in")
def log_sign_in(sender: object, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    username, ip = clean(user.get_username()), client_ip(request)
    logger.info("signed in: %s from %s", username, ip, extra={"event": "sign_in", "username": username, "ip": ip})


@receiver(user_login_failed, dispatch_uid="negotrack.authlog.sign_in_failed")
def log_failed_sign_in(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the name tried: Django has masked the password in `credentials` already, and
    # nothing else of them is logged.
    username, ip = clean(credentials.get("username", "")), client_ip(request)
    logger.warning(
        "sign-in failed: %s from %s", username, ip, extra={"event": "sign_in_failed", "username": username, "ip": ip}
    )


@receiver(user_locked_out, dispatch_uid="negotrack.authlog.locked_out")
def log_lockout(
    sender: object, request: HttpRequest | None, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    username = clean(username or "")
    logger.warning(
        "sign-in locked out: %s from %s",
        username,
        ip_address,
        extra={"event": "locked_out", "username": username, "ip": ip_address},
    )


@receiver(user_logged_out, dispatch_uid="negotrack.authlog.signed_out")
def log_sign_out(sender: object, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None:
        return  # nobody was signed in
    username, ip = clean(user.get_username()), client_ip(request)
    logger.info("signed out: %s from %s", username, ip, extra={"event": "sign_out", "username": username, "ip": ip})


class RefusedWriteLogMiddleware:
    """Logs every write answered 401 or 403: an API write without credentials or by an
    account outside the editorial groups, an admin action the user may not take, a form
    without its CSRF token. The response's status is the one place where all of them
    meet, whatever refused them (DRF, the admin, the services, the CSRF check)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code in (401, 403) and request.method in UNSAFE_METHODS:
            method, path, user = request.method, clean(request.path), _username(getattr(request, "user", None))
            logger.warning(
                "write refused: %s %s by %s, %s",
                method,
                path,
                user or "anonymous",
                response.status_code,
                extra={
                    "event": "write_refused",
                    "method": method,
                    "path": path,
                    "user": user,
                    "status": response.status_code,
                    "ip": client_ip(request),
                },
            )
        return response
