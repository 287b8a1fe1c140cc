"""Logs as one JSON object a line, each request with its id, and the security events.

A request keeps the `X-Request-ID` its proxy sent when that looks like an id (letters,
digits and `.-_:`, at most 128 of them), or gets a new one; the id goes back in the
response's `X-Request-ID` and into every line logged while the request runs. JSON
escapes newlines and control characters, so nothing a client sends can forge a line;
what a client sends is escaped in the message too (`clean`), for whoever reads it there.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

logger = logging.getLogger("negotrack.request")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_MAX_LOGGED = 500  # characters of a path or user name: enough to read, not a flood

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


# Control characters (C0, DEL, C1 such as NEL), the Unicode line and paragraph
# separators, the bidirectional overrides that reorder what a reader sees, and the
# backslash itself, so that an escape in the output always means an escape.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def clean(text: object) -> str:
    """User-controlled text, cut short and on one line: control characters are escaped
    the way Python writes them (a newline reads `\\n`)."""
    return _UNSAFE.sub(_escape, str(text)[:_MAX_LOGGED])


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address. Behind the TLS proxy (BEHIND_TLS_PROXY) it is the last one in
    X-Forwarded-For, which the proxy added; those before it came from the client and
    prove nothing. Without the proxy, or when the header holds no address, the peer's.

    django-axes counts failed sign-ins by this address (AXES_CLIENT_IP_CALLABLE).
    """
    if request is None:
        return None
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rpartition(",")[2].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or None


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
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


def _request_id(request: HttpRequest) -> str:
    sent = request.headers.get(REQUEST_ID_HEADER, "")
    if _SANE_REQUEST_ID.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


def _user(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return clean(user.get_username())


class RequestLogMiddleware:
    """Outermost: times the whole request, and logs it once it is answered."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.id = _request_id(request)  # type: ignore[attr-defined]  # for whoever reads it later
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
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
