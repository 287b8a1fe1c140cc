"""Statements: the public record newest first, in pages by a (date, id) cursor, and as CSV."""

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, cast

from django.db.models import Prefetch, Q, QuerySet
from django.http import StreamingHttpResponse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from delegations.matching import Outcome, listed, match_person
from delegations.models import Membership, Person
from issues.api import filters
from issues.api.serializers.statements import StatementSerializer
from issues.api.serializers.writes import StatementWriteSerializer
from issues.api.views.base import INCLUDE_DRAFTS, SOURCES, UUID, PublishableViewSet
from issues.api.views.csv_output import CSV_CHUNK, CSVAnswers, csv_format, csv_response, csv_responses
from issues.api.writes import publishable_write_schema
from issues.models import Issue, Statement
from negotrack.pagination import StrictPageSize
from negotrack.records import Record
from rounds.models import Round


def older_than(day: datetime.date, pk: int) -> Q:
    """Statements after the one at (day, pk) in the newest-first order. The bound on the
    date alone is implied by the rest; it is what lets the newest-first index start at the
    position instead of reading and discarding every statement before it."""
    return Q(date__lte=day) & (Q(date__lt=day) | Q(date=day, pk__lt=pk))


def newer_than(day: datetime.date, pk: int) -> Q:
    """Statements before the one at (day, pk) in the newest-first order (bounded likewise)."""
    return Q(date__gte=day) & (Q(date__gt=day) | Q(date=day, pk__gt=pk))


class StatementPagination(StrictPageSize, CursorPagination):
    """Pages by position in (date, id), newest first: a deep page costs what the first one
    costs, and statements sharing a date are neither repeated nor skipped between pages.

    DRF's cursor keys on the date alone and counts an offset through statements of one day;
    here the position names the last statement itself.
    """

    ordering = ("-date", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_cursor_message = "This is not a cursor the API gave out: start again from the first page."

    def _get_position_from_instance(self, instance: Any, ordering: Sequence[str]) -> str:
        return f"{instance.date.isoformat()}.{instance.pk}"

    def decode_cursor(self, request: Request) -> Cursor | None:
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                self.position_key(cursor.position)  # type: ignore[arg-type]  # a string: the stubs say int
        except (NotFound, ValueError):
            raise ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from None
        return cursor

    @staticmethod
    def position_key(position: str) -> tuple[datetime.date, int]:
        day, _, pk = position.partition(".")
        return datetime.date.fromisoformat(day), int(pk)

    def paginate_queryset(  # type: ignore[override]  # given the statements' queryset only
        self, queryset: QuerySet[Statement], request: Request, view: APIView | None = None
    ) -> list[Statement]:
        # DRF's own method, with the filter on the position made a (date, id) keyset.
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.cursor = self.decode_cursor(request)
        current_position: str | None  # DRF decodes the position as a string; the stubs say int
        offset, reverse, current_position = self.cursor or (0, False, None)  # type: ignore[assignment]
        queryset = queryset.order_by(*(("date", "id") if reverse else self.ordering))
        if current_position is not None:
            day, pk = self.position_key(current_position)
            queryset = queryset.filter(newer_than(day, pk) if reverse else older_than(day, pk))
        results = list(queryset[offset : offset + self.page_size + 1])
        self.page = results[: self.page_size]
        following = (
            self._get_position_from_instance(results[-1], self.ordering) if len(results) > len(self.page) else None
        )
        started_elsewhere = current_position is not None or offset > 0
        if reverse:
            self.page.reverse()
            self.has_next, self.has_previous = started_elsewhere, following is not None
            self.next_position, self.previous_position = current_position, following
        else:
            self.has_next, self.has_previous = following is not None, started_elsewhere
            self.next_position, self.previous_position = following, current_position
        if (self.has_previous or self.has_next) and self.template is not None:
            self.display_page_controls = True
        return self.page


def newest_first_in_chunks(statements: QuerySet[Statement], size: int) -> Iterator[Statement]:
    """Every statement of `statements`, newest first, read `size` at a time, each chunk a
    query of its own that starts after the last statement of the one before (the
    newest-first index serves it). Each query is short, so each runs under a reader's
    statement timeout (negotrack.statement_timeout) however long the whole list takes, and
    none holds a transaction or a cursor open while the client reads."""
    statements = statements.order_by(*StatementPagination.ordering)
    chunk = list(statements[:size])
    while chunk:
        yield from chunk
        if len(chunk) < size:
            return
        last = chunk[-1]
        chunk = list(statements.filter(older_than(last.date, last.pk))[:size])


def _source_cell(source: dict[str, Any]) -> str:
    label = ": ".join(part for part in (source["outlet"], source["title"]) if part)
    return f"{label} <{source['url']}>" if source["url"] else label


def _as_is(*names: str) -> dict[str, Callable[[dict[str, Any]], Any]]:
    return {name: itemgetter(name) for name in names}


# Each CSV column and how it reads from the statement's JSON: nested values are flattened.
STATEMENT_COLUMNS: dict[str, Callable[[dict[str, Any]], Any]] = {
    **_as_is("uuid", "version", "created_at", "updated_at", "process", "round", "session"),
    "speaker": lambda row: row["speaker"] and row["speaker"]["slug"],
    "speaker_name": lambda row: row["speaker"] and row["speaker"]["name"],
    **_as_is("speaker_description", "party", "speaker_title", "date", "date_precision", "medium", "kind"),
    **_as_is("language", "text", "translation", "text_is_translation"),
    "issues": lambda row: " ".join(row["issues"]),
    "sources": lambda row: " | ".join(_source_cell(source) for source in row["sources"]),
    "state": itemgetter("state"),
    "notice_on": lambda row: row["notice"] and row["notice"]["on"],
    "notice_note": lambda row: row["notice"] and row["notice"]["note"],
}


def speaker_named(typed: str, talk_round: Round | None) -> Person:
    """The person `speaker_name` names, the round's delegates preferred; else a 400 on
    `speaker_name` naming whom it could be."""
    delegates = Membership.objects.filter(delegation__round=talk_round) if talk_round else Membership.objects.none()
    found = match_person(typed, prefer=set(delegates.values_list("person_id", flat=True)))
    if found.person is not None:
        return found.person
    if found.outcome is Outcome.AMBIGUOUS:
        message = (
            f"“{found.typed}” names more than one person: {listed(found.people)}. "
            "Send the slug of the one meant as `speaker`."
        )
    elif found.outcome is Outcome.SUGGESTIONS:
        message = (
            f"No one named “{found.typed}” is on record. Did you mean {listed(found.people)}? Send their slug as "
            "`speaker`, or add the person first (POST /api/v1/people/) if this is someone else."
        )
    else:
        message = (
            f"No one named “{found.typed}” is on record: add the person first (POST /api/v1/people/), or leave "
            "the speaker out and describe them in `speaker_description`."
        )
    raise ValidationError({"speaker_name": [message]})


STATEMENT_FILTERS_HELP = (
    "Statements from the public record, newest first, in pages by cursor (follow `next`). "
    "Dates of week or month precision match any date range they overlap."
)


@extend_schema_view(
    list=extend_schema(
        parameters=[INCLUDE_DRAFTS, csv_format("the whole filtered list (not one page)")],
        description=STATEMENT_FILTERS_HELP,
        responses=csv_responses(StatementSerializer(many=True), "every statement that the filters match"),
    ),
    retrieve=extend_schema(
        parameters=[UUID, INCLUDE_DRAFTS, csv_format("the statement")],
        responses=csv_responses(StatementSerializer, "the statement as one row"),
    ),
    **publishable_write_schema(StatementWriteSerializer, StatementSerializer),
)
class StatementViewSet(CSVAnswers, PublishableViewSet):
    """What was said, by whom, how, and where it was reported."""

    serializer_class = StatementSerializer
    filterset_class = filters.StatementFilter
    pagination_class = StatementPagination
    write_serializer_class = StatementWriteSerializer
    service_flags = ("confirm_date", "confirm_party")
    resolved_inputs = ("speaker_name",)

    def save_through_service(self, record: Record, values: dict[str, Any]) -> Record:
        typed = values.pop("speaker_name", None)
        if typed is not None:
            statement = cast(Statement, record)
            values["speaker"] = speaker_named(typed, values.get("round", statement.round))
        return super().save_through_service(record, values)

    def base_queryset(self) -> QuerySet[Statement]:
        issues = Issue.objects.order_by("sort_order", "name", "id")
        records = Statement.objects.select_related("process", "round", "session", "speaker", "party", "revises")
        return records.prefetch_related(Prefetch("issues", issues), SOURCES)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response | StreamingHttpResponse:  # type: ignore[override]  # a CSV streams
        if not self.wants_csv():
            return super().list(request, *args, **kwargs)
        statements = self.filter_queryset(self.get_queryset())
        return self.csv(newest_first_in_chunks(statements, CSV_CHUNK), "statements.csv")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response | StreamingHttpResponse:  # type: ignore[override]  # a CSV streams
        if not self.wants_csv():
            return super().retrieve(request, *args, **kwargs)
        statement = self.get_object()
        return self.csv([statement], f"statement-{statement.uuid}.csv")

    def csv(self, statements: Iterable[Statement], filename: str) -> StreamingHttpResponse:
        rows = (
            [cell(data) for cell in STATEMENT_COLUMNS.values()]
            for data in (self.get_serializer(statement).data for statement in statements)
        )
        return csv_response(list(STATEMENT_COLUMNS), rows, filename)
