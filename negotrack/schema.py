"""The OpenAPI schema tells the whole truth about the API: who may call what, what it
takes, and every answer it gives, errors included.

drf-spectacular documents what a view answers when all goes well. Every read of this API
can also answer 304 (the client's copy is current), 429 (too many anonymous requests),
404 (an unknown slug or UUID, a page past the end, a `format` the API does not give) and
503 (a query ran past the readers' statement timeout), and a read that validates its
query (filters, a cursor, `page_size`, `include`) answers 400 to a bad one; a write can
answer 404 and 415, and one with a body 413. `AutoSchema` adds these to every operation,
with their bodies and headers, so that clients (and Schemathesis) can rely on the
schema's list of answers. It also asks each view's own permissions whether an anonymous
caller gets in, and the extensions below say which characters a text takes and that a
filter left empty filters nothing.

A view whose own code validates the query (not through django-filter or the cursor) says
so with `extend_schema(responses={..., 400: BAD_QUERY})`.
"""

from typing import Any, Literal

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from drf_spectacular import openapi
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.request import Request
from rest_framework.viewsets import ViewSetMixin

from negotrack import as_known
from negotrack.pagination import StrictPageSize
from negotrack.text import ONE_LINE_PATTERN, TEXT_PATTERN

JSON = "application/json"

ERROR = inline_serializer("Error", {"detail": serializers.CharField(help_text="what went wrong, for a person")})

THROTTLED = inline_serializer(
    "Throttled",
    {
        "detail": serializers.CharField(help_text="what went wrong and when to try again, for a person"),
        "retry_after": serializers.IntegerField(
            allow_null=True, help_text="seconds to wait before the next request, as in the Retry-After header"
        ),
    },
)

BAD_QUERY = OpenApiResponse(
    # Field or parameter names (or `non_field_errors`), each with its messages.
    {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
        "example": {"as_of": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."]},
    },
    description="Bad Request: a query parameter (a filter, such as a slug or UUID that names no record; a "
    "date, a cursor, a `page_size`, an `include` or an `as_known_on`) is not one this operation accepts; the "
    "body names each parameter with what is wrong with it",
)

# Every read of the record takes it (negotrack.as_known).
AS_KNOWN_ON = OpenApiParameter(
    as_known.PARAMETER,
    {"type": "string", "pattern": as_known.SCHEMA_PATTERN},
    description="the public record as it was published at the end of this day (UTC), "
    "`YYYY-MM-DD`, or at this moment, `YYYY-MM-DDTHH:MM:SS.ffffffZ`: what was corrected or withdrawn "
    "later shows as it stood. Not a day or moment still to come. The answer says the moment in "
    "`As-Known-On` and links the record as it is now (`Link`, rel `latest-version`)",
)

CONTENT_TOO_LARGE = OpenApiResponse(
    ERROR,
    description="Content Too Large: the body is over the size the site accepts (DATA_UPLOAD_MAX_MEMORY_SIZE, "
    "2.5 MB by default); nothing was read or saved",
)

UNSUPPORTED_MEDIA_TYPE = OpenApiResponse(
    ERROR, description="Unsupported Media Type: the body is not JSON (send `Content-Type: application/json`)"
)

NOT_MODIFIED = OpenApiResponse(
    description="Not Modified: the copy the client holds is current (its If-None-Match names this answer's "
    "ETag, or its If-Modified-Since is no earlier than Last-Modified); no body"
)

TOO_MANY_REQUESTS = OpenApiResponse(
    THROTTLED,
    description="Too Many Requests: an anonymous reader went over the rate limit (API_ANON_RATE, per "
    "address); the body and the Retry-After header say when to try again; signed-in users are not limited",
)

TOO_SLOW = OpenApiResponse(
    ERROR,
    description="Service Unavailable: on PostgreSQL, a query of this read ran past the readers' statement "
    "timeout (READ_STATEMENT_TIMEOUT_MS) and was stopped; try again in a moment, or ask for less",
)

VALIDATORS = [
    OpenApiParameter(
        "ETag",
        str,
        OpenApiParameter.HEADER,
        required=True,
        response=[200, 304],
        description="a weak validator of this answer; send it back as If-None-Match",
    ),
    OpenApiParameter(
        "Last-Modified",
        str,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="when the record last changed (an HTTP date); send it back as If-Modified-Since. Not on "
        "the changes feed, where a change that commits late can be older than one already shown",
    ),
    OpenApiParameter(
        "Retry-After",
        OpenApiTypes.INT,
        OpenApiParameter.HEADER,
        response=[429],
        description="seconds to wait before the next request",
    ),
]


def one_line(schema: dict[str, Any]) -> dict[str, Any]:
    """A parameter's or field's schema, a free text's with the characters a one-line text may hold."""
    if schema.get("type") == "string" and not {"format", "enum", "pattern"} & set(schema):
        return {**schema, "pattern": ONE_LINE_PATTERN}
    return schema


def or_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """A query parameter's schema, an empty value included."""
    if schema.get("type") == "string" and not {"format", "enum", "minLength"} & set(schema):
        return schema  # takes "" already
    return {"oneOf": [schema, {"type": "string", "maxLength": 0}]}


class FilterBackendExtension(DjangoFilterExtension):
    """django-filter's parameters as the API's filter backend takes them: a text with no
    control character (negotrack.filtering), and any filter left empty (`?session=`), which
    django-filter reads as no filter."""

    target_class = "negotrack.filtering.FilterBackend"
    priority = 1

    def resolve_filter_field(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().resolve_filter_field(*args, **kwargs)
        return [{**parameter, "schema": or_empty(one_line(parameter["schema"]))} for parameter in parameters]


class TextExtension(OpenApiSerializerFieldExtension):
    """A write's text (negotrack.api_writes.Text), with the characters its record takes: a
    one-line text's, or any but NUL where it is written in a textarea (a model's TextField,
    a note)."""

    target_class = "negotrack.api_writes.Text"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: openapi.AutoSchema, direction: Any) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if self.target.style.get("base_template") == "textarea.html":
            return {**schema, "pattern": TEXT_PATTERN}
        return one_line(schema)


def _can_reject(filterset_class: Any) -> bool:
    """Whether a django-filter filterset can find a value invalid: any filter can, since
    the API's filter backend refuses a control character in any of them
    (negotrack.filtering)."""
    return bool(filterset_class.base_filters)


class AutoSchema(openapi.AutoSchema):
    def get_auth(self) -> list[dict[str, list[Any]]]:
        # drf-spectacular lets an anonymous caller in only for the permission classes it knows
        # (AllowAny, IsAuthenticatedOrReadOnly); a view whose own permission lets everyone read
        # (negotrack.api_writes.EditorialWrites) would read as needing a token. Ask the view's
        # permissions themselves, with an anonymous request of this operation's method.
        auths: list[dict[str, list[Any]]] = super().get_auth()
        if {} not in auths and self._lets_anonymous_in():
            auths.append({})
        return auths

    def _lets_anonymous_in(self) -> bool:
        view, method = self.view, self.method.lower()
        if isinstance(view, ViewSetMixin) and view.action and not hasattr(view, method):
            # As a request finds it: DRF binds a viewset's action to the method per request
            # (EditorialWrites lets through a method the route does not offer, for its 405).
            setattr(view, method, getattr(view, view.action))
        anonymous = HttpRequest()
        anonymous.method = self.method
        request = Request(anonymous)
        request.user = AnonymousUser()
        return all(permission.has_permission(request, view) for permission in view.get_permissions())

    def get_override_parameters(self) -> list[Any]:
        parameters = super().get_override_parameters()
        if self.method == "GET" and self._conditional():
            parameters = [*parameters, *VALIDATORS]
            if self._takes_as_known_on():
                parameters.append(AS_KNOWN_ON)
        return parameters

    def _takes_as_known_on(self) -> bool:
        return not self.path.startswith(as_known.REFUSED_PREFIXES)

    def _conditional(self) -> bool:
        """Whether the view's reads answer validators and 304 (every read of the record does;
        an account's own settings, its webhook subscriptions, do not)."""
        return getattr(self.view, "conditional_reads", True)

    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            # A write too answers 404 to a `format` it does not give, and 415 to a body that is not JSON;
            # one that takes a body, 413 to a body too large to read.
            errors = {"404": self._not_found(), "415": UNSUPPORTED_MEDIA_TYPE}
            if self.method in ("POST", "PUT", "PATCH"):
                errors["413"] = CONTENT_TOO_LARGE
            for code, response in errors.items():
                if code not in responses:
                    responses[code] = self._get_response_for_code(response, code, [JSON], direction)
            return dict(sorted(responses.items()))
        errors = {"304": NOT_MODIFIED, "404": self._not_found(), "429": TOO_MANY_REQUESTS, "503": TOO_SLOW}
        if not self._conditional():
            del errors["304"], errors["429"]  # signed-in readers only, never throttled
        if self._validates_query() or (self._conditional() and self._takes_as_known_on()):
            errors["400"] = BAD_QUERY
        for code, response in errors.items():
            # An answer the view documents itself stays as it is.
            if code not in responses:
                media_types = None if code == "304" else [JSON]
                responses[code] = self._get_response_for_code(response, code, media_types, direction)
        return dict(sorted(responses.items()))

    def _validates_query(self) -> bool:
        if getattr(self.view, "shows_drafts", False):
            return True  # `include` takes `drafts` only (negotrack.api.wants_drafts)
        if not self._is_list_view():
            return False
        filterset_class = getattr(self.view, "filterset_class", None)
        return (filterset_class is not None and _can_reject(filterset_class)) or isinstance(
            self._get_paginator(), (CursorPagination, StrictPageSize)
        )

    def _not_found(self) -> OpenApiResponse:
        reasons = []
        if "{" in self.path:  # a path parameter names a record
            reasons.append("no record has this slug or UUID")
        if self._is_list_view() and isinstance(self._get_paginator(), PageNumberPagination):
            reasons.append("the page does not exist")
        reasons.append("`format` names a format this operation does not give")
        return OpenApiResponse(ERROR, description=f"Not Found: {'; or '.join(reasons)}")
