"""What every part of the REST API shares: read-only views, the public record rule,
conditional reads, the anonymous rate limit and the answer to a body too large."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NoReturn

from django.core.exceptions import RequestDataTooBig
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, permissions, serializers, status, views, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from negotrack import as_known
from negotrack.answers import keep_answer, kept_answer
from negotrack.conditional import Validators, is_not_modified, validators_for
from negotrack.groups import is_editorial
from negotrack.inputs import too_large_message

if TYPE_CHECKING:
    _ReadView = viewsets.GenericViewSet[Any]  # what the mixin is mixed into
else:
    _ReadView = object


INCLUDE_VALUES = ("drafts",)


def wants_drafts(request: Request) -> bool:
    """`?include=drafts` shows drafts too, to editors and reviewers only.

    Any other `include` is refused (400) rather than ignored: an editor's script that
    misspells it would otherwise read the public record and take it for everything.
    """
    included = request.query_params.getlist("include")
    unknown = [value for value in included if value not in INCLUDE_VALUES]
    if unknown:
        allowed = ", ".join(f"`{value}`" for value in INCLUDE_VALUES)
        raise exceptions.ValidationError({"include": [f"{unknown[0][:40]!r} is not a value of include: {allowed}."]})
    return bool(included) and is_editorial(request.user)


def visible(queryset: QuerySet[Any], request: Request) -> QuerySet[Any]:
    """The public record (published, and withdrawn or superseded ones as correction
    notices), plus drafts for editors and reviewers who ask for them."""
    return queryset if wants_drafts(request) else queryset.public()  # type: ignore[attr-defined]  # a publishable model's


class ContentTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "content_too_large"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's, and a JSON 413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE: Django raises
    RequestDataTooBig when DRF reads the body, and would answer it with its HTML 400 page."""
    if isinstance(exc, RequestDataTooBig):
        exc = ContentTooLarge(too_large_message())
    return views.exception_handler(exc, context)


class _NotModified(Exception):
    """Raised from `initial()` to skip the view when the client's copy is current."""


class _Kept(Exception):
    """Raised from `initial()` to skip the view when its answer is kept (negotrack.answers)."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


class ConditionalReadMixin(_ReadView):
    """ETag and Last-Modified on every read, and 304 before the view does any work.

    The validators come from the change log (see negotrack.conditional), so a deletion
    counts as much as an edit. Answers differ for signed-in editors, hence
    `Vary: Cookie, Authorization`; `Cache-Control: no-cache` makes caches revalidate
    rather than guess a freshness from Last-Modified. Also gives a throttled request a
    JSON answer that says when to come back.
    """

    read_validators: Validators | None = None
    # Whether the view takes `?include=drafts` (the publishable records' views do).
    shows_drafts = False

    def read_version(self) -> int | None:
        """The record version a detail read leads its ETag with, where writes compare it."""
        return None

    def read_state(self) -> str:
        """What else the answer depends on that the change log does not record."""
        return ""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Authentication, permissions and the rate limit first: a 304 counts against it too.
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.read_validators = self.get_read_validators(request)
            if is_not_modified(request, self.read_validators):
                raise _NotModified
            if getattr(request.accepted_renderer, "format", None) != "api" and (
                kept := kept_answer(request, self.read_validators)
            ):
                raise _Kept(kept)

    def get_read_validators(self, request: Request) -> Validators:
        drafts = self.shows_drafts and wants_drafts(request)
        return validators_for(request, drafts=drafts, record_version=self.read_version(), extra=self.read_state())

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        seconds = None if wait is None else math.ceil(wait)
        later = f"in {seconds} second{'s' if seconds != 1 else ''}" if seconds else "later"
        error = exceptions.Throttled(
            detail=f"Too many requests from this address without signing in. Try again {later}; "
            "signed-in users are not limited this way."
        )
        error.wait = seconds  # type: ignore[attr-defined]  # DRF's handler turns it into the Retry-After header
        raise error

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, _NotModified):
            return HttpResponseNotModified()  # type: ignore[return-value]  # a 304 has nothing to render
        if isinstance(exc, _Kept):
            return exc.response  # type: ignore[return-value]  # rendered already
        response = super().handle_exception(exc)
        if isinstance(exc, exceptions.Throttled):
            response.data = {"detail": exc.detail, "retry_after": exc.wait}  # type: ignore[attr-defined]
        return response

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Cookie", "Authorization"])
        if self.read_validators is not None and response.status_code in (200, 304):
            validators = self.read_validators
            if isinstance(response, Response) and getattr(response.accepted_renderer, "format", None) != "api":
                response.add_post_render_callback(lambda rendered: keep_answer(request, validators, rendered))
            response["ETag"] = self.read_validators.etag
            if self.read_validators.last_modified is not None:
                response["Last-Modified"] = self.read_validators.last_modified_header
            patch_cache_control(response, no_cache=True)
        return response


class ReadOnlyRecordViewSet(ConditionalReadMixin, viewsets.ReadOnlyModelViewSet):
    """Lists and details of the record, nothing more.

    These routes offer no writes to anyone, so every reader passes and a write answers 405
    (the default permission would answer 403 to anonymous writers first, as if signing in
    could help).
    """

    permission_classes = [permissions.AllowAny]


@csrf_exempt  # whatever the method, the answer is that nothing is there
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any other path under the API: the API's JSON 404, not the site's HTML page (a UUID
    route does not match `0.5/`, for instance, yet the client asked the API)."""
    return JsonResponse({"detail": exceptions.NotFound.default_detail}, status=404)


class MomentKeepingHyperlink(serializers.HyperlinkedIdentityField):
    """A link to a record's detail that, in an answer read as the record stood
    (`?as_known_on=`), shows the record at that same moment."""

    def get_url(self, obj: Any, view_name: str, request: Request, format: str | None) -> str | None:
        url = super().get_url(obj, view_name, request, format)
        return None if url is None else as_known.keep_moment(url)
