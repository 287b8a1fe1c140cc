"""Input refused before any view reads it: a NUL, or another control character, in the
path or the query string or a form's fields (negotrack.text says which), and a form too
large to read."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse

from negotrack.text import text_problem

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def too_large_message() -> str:
    """What a body over DATA_UPLOAD_MAX_MEMORY_SIZE is told. Django raises RequestDataTooBig
    for it when the body is read, which it would answer with its 400 page."""
    return f"The request's body is larger than the {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes this site reads."


def _answer(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    if status == 404:
        return HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class RefuseControlCharactersMiddleware:
    """A path that holds a control character names nothing (404); a page's query parameter
    or a form field that holds one is refused (400), before any view or query sees it. A
    form's field may span lines (a statement's text), so only NUL is refused there. A form
    too large to read answers 413."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if text_problem(request.path, single_line=True):
            return _answer(request, 404, "Not found: the address holds a control character.")
        # The API answers for its query parameters itself, each as its schema says: its
        # filters and query serializers refuse a control character with the field's name.
        if not request.path.startswith("/api/"):
            for name, values in request.GET.lists():
                for text in (name, *values):
                    problem = text_problem(text, single_line=True)
                    if problem:
                        return _answer(request, 400, f"The query parameter {name[:40]!r}: {problem}")
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            try:
                form = request.POST
            except RequestDataTooBig:
                return _answer(request, 413, too_large_message())
            for name, values in form.lists():
                for text in (name, *values):
                    problem = text_problem(text, single_line=False)
                    if problem:
                        return _answer(request, 400, f"The form field {name[:40]!r}: {problem}")
        return self.get_response(request)
