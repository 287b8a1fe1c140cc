"""The API's pagination, kept apart from the views: DRF imports it while it loads them.

DRF ignores a `page_size` it cannot read and cuts one past the maximum down to it. Here
either answers 400 naming the parameter and what it takes, so that a client's mistake
(`page_size=null`, `page_size=500`) never reads as a page of another size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework import serializers
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.request import Request

if TYPE_CHECKING:
    from rest_framework.views import APIView

    _Paginator = BasePagination  # what the mixin is mixed into
else:
    _Paginator = object


def count_asked(value: str, *, maximum: int) -> int:
    """A number of results a client asks for (a page size, the changes feed's `limit`): a
    whole number from 1 to `maximum`, or a ValidationError that says so."""
    if value.isascii() and value.isdigit() and 1 <= int(value) <= maximum:
        return int(value)
    raise serializers.ValidationError(f"{value[:40]!r} is not a whole number from 1 to {maximum}.")


class StrictPageSize(_Paginator):
    """`page_size` as asked, or the default when left out; any other value answers 400."""

    page_size: int
    page_size_query_param: str
    max_page_size: int

    def get_page_size(self, request: Request) -> int:
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        try:
            return count_asked(value, maximum=self.max_page_size)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({self.page_size_query_param: error.detail}) from None

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
                parameter["description"] = (
                    f"results per page: {self.page_size} when left out, at most {self.max_page_size}; "
                    "any other value answers 400"
                )
        return parameters


class Pagination(StrictPageSize, PageNumberPagination):
    """Pages of 50 by default; a client may ask for up to 200, never more."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
