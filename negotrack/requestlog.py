"""Logs as one JSON object a line, each request with its id, and the security events.

A request keeps the `X-Request-ID` its proxy sent when that looks like an id (letters,
digits and `.-_:`, at most 128 of them), or gets a new one; the id goes back in the
response's `X-Request-ID` and into every line logged while the request runs. JSON
escapes newlines and control characters, so nothing a client sends can forge a line.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

logger = logging.getLogger("negotrack.request")
security_logger = logging.getLogger("negotrack.security")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_MAX_LOGGED = 500  # characters of a path or user name: enough to read, not a flood

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def clean(text: object) -> str:
    """User-controlled text, cut short and on one line."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", str(text))[:_MAX_LOGGED]


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs):
        super().__init__(
            "{asctime}{levelname}{name}{message}",
            style="{",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            datefmt="%Y-%m-%dT%H:%M:%S%z",
        )


class RequestContextFilter(logging.Filter):
    """Adds the id of the request being served (if any) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = request_id_var.get()
        if request_id is not None and not hasattr(record, "request_id"):
            record.request_id = request_id
        return True


def _request_id(request) -> str:
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    if _SANE_REQUEST_ID.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


def _user(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return clean(user.get_username())


class RequestLogMiddleware:
    """Outermost: times the whole request, and logs it once it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _request_id(request)
        token = request_id_var.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.id
            status = response.status_code
            logger.log(
                logging.ERROR if status >= 500 else logging.INFO,
                "%s %s %s",
                request.method,
                clean(request.path),
                status,
                extra={
                    "method": clean(request.method),
                    "path": clean(request.path),
                    "status": status,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user": _user(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


def _client(request) -> str | None:
    return None if request is None else request.META.get("REMOTE_ADDR")


@receiver(user_login_failed, dispatch_uid="negotrack.log_failed_login")
def log_failed_login(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the name is logged.
    security_logger.warning(
        "sign-in failed",
        extra={"event": "login_failed", "username": clean(credentials.get("username", "")), "client": _client(request)},
    )


@receiver(user_logged_in, dispatch_uid="negotrack.log_login")
def log_login(sender, request, user, **kwargs):
    security_logger.info(
        "signed in", extra={"event": "login", "username": clean(user.get_username()), "client": _client(request)}
    )
