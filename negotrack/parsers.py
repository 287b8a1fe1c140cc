"""The API's JSON parser: DRF's, refusing as a 400 what would otherwise fail further in
(a NUL that PostgreSQL cannot store, JSON nested so deep that reading it recurses)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from negotrack.text import MAX_JSON_DEPTH, json_problem


class StrictJSONParser(JSONParser):
    def parse(
        self, stream: IO[Any], media_type: str | None = None, parser_context: Mapping[str, Any] | None = None
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON parse error - the JSON is nested deeper than {MAX_JSON_DEPTH} levels.") from None
        problem = json_problem(data, max_depth=MAX_JSON_DEPTH)
        if problem:
            raise ParseError(f"JSON parse error - {problem}")
        return data
