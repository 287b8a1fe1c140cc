"""The OpenAPI schema tells the whole truth about reads, errors included.

drf-spectacular documents what a view answers when all goes well. Every read of this API
can also answer 304 (the client's copy is current), 429 (too many anonymous requests),
404 (an unknown slug or UUID, a page past the end, a `format` the API does not give) and
503 (a query ran past the readers' statement timeout), and a read that validates its
query answers 400 to a bad one. `AutoSchema` adds these to
every GET operation, with their bodies and headers, so that clients (and Schemathesis)
can rely on the schema's list of answers.

A view whose own code validates the query (not through django-filter or the cursor) says
so with `extend_schema(responses={..., 400: BAD_QUERY})`.
"""

from typing import Any, Literal

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.pagination import CursorPagination, PageNumberPagination

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
    description="Bad Request: a query parameter (a filter, a date, a cursor) is not one this operation "
    "accepts; the body names each parameter with what is wrong with it",
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


def _can_reject(filterset_class: Any) -> bool:
    """Whether a django-filter filterset can find a value invalid: any filter can, since
    the API's filter backend refuses a control character in any of them
    (negotrack.filtering)."""
    return bool(filterset_class.base_filters)


class AutoSchema(openapi.AutoSchema):
    def get_override_parameters(self) -> list[Any]:
        parameters = super().get_override_parameters()
        return [*parameters, *VALIDATORS] if self.method == "GET" else parameters

    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            # A write too answers 404 to a `format` it does not give, and 415 to a body that is not JSON.
            errors = {"404": self._not_found(), "415": UNSUPPORTED_MEDIA_TYPE}
            for code, response in errors.items():
                if code not in responses:
                    responses[code] = self._get_response_for_code(response, code, [JSON], direction)
            return dict(sorted(responses.items()))
        errors = {"304": NOT_MODIFIED, "404": self._not_found(), "429": TOO_MANY_REQUESTS, "503": TOO_SLOW}
        if self._validates_query():
            errors["400"] = BAD_QUERY
        for code, response in errors.items():
            # An answer the view documents itself stays as it is.
            if code not in responses:
                media_types = None if code == "304" else [JSON]
                responses[code] = self._get_response_for_code(response, code, media_types, direction)
        return dict(sorted(responses.items()))

    def _validates_query(self) -> bool:
        if not self._is_list_view():
            return False
        filterset_class = getattr(self.view, "filterset_class", None)
        return (filterset_class is not None and _can_reject(filterset_class)) or isinstance(
            self._get_paginator(), CursorPagination
        )

    def _not_found(self) -> OpenApiResponse:
        reasons = []
        if "{" in self.path:  # a path parameter names a record
            reasons.append("no record has this slug or UUID")
        if self._is_list_view() and isinstance(self._get_paginator(), PageNumberPagination):
            reasons.append("the page does not exist")
        reasons.append("`format` names a format this operation does not give")
        return OpenApiResponse(ERROR, description=f"Not Found: {'; or '.join(reasons)}")
