"""CSV answers: `?format=csv` through content negotiation, streamed by the view, every cell
spreadsheet-safe."""

import csv
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CHUNK = 500

if TYPE_CHECKING:
    from rest_framework.views import APIView

    _View = APIView  # what the mixin is mixed into
else:
    _View = object


def spreadsheet_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Lines:
    """A file that hands back what is written to it, so csv.writer can feed a stream."""

    def write(self, line: str) -> str:
        return line


def csv_response(header: Iterable[Any], rows: Iterable[Iterable[Any]], filename: str) -> StreamingHttpResponse:
    """A header row and `rows`, streamed as they are produced, every cell spreadsheet-safe."""
    writer = csv.writer(_Lines())

    def lines() -> Iterator[str]:
        yield writer.writerow([spreadsheet_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([spreadsheet_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CSVRenderer(BaseRenderer):
    """Lets `?format=csv` through content negotiation; the views stream the CSV themselves."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Mapping[str, Any] | None = None
    ) -> str | bytes:
        raise NotImplementedError("CSV is streamed by the view, never rendered from data")


class CSVAnswers(_View):
    """A view that also answers `?format=csv`; its errors are still JSON."""

    def get_renderers(self) -> list[BaseRenderer]:
        return [*super().get_renderers(), CSVRenderer()]

    def wants_csv(self) -> bool:
        return isinstance(getattr(self.request, "accepted_renderer", None), CSVRenderer)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and isinstance(response.accepted_renderer, CSVRenderer):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response


def csv_format(what: str) -> OpenApiParameter:
    return OpenApiParameter(
        "format",
        str,
        enum=["json", "csv"],
        description=f"`csv` streams {what} as CSV with a header row; a cell that a spreadsheet would run as "
        "a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe",
    )


def csv_responses(json_response: Any, what: str) -> dict[Any, Any]:
    return {
        (200, "application/json"): json_response,
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description=f"{what}, with `?format=csv`"),
    }
