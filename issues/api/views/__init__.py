"""The read API of rounds, agenda issues, their assessments and statements.

Reads show the public record: published records, and withdrawn or superseded ones as
correction notices. Current status, `as_of` and the matrix use published statuses only.
Statements and the matrix also come as CSV (`?format=csv`).
"""

import csv
import datetime
from operator import itemgetter

from django.db.models import Prefetch, Q
from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import SAFE_METHODS, AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from delegations.models import Delegation, Membership
from issues import services
from issues.api import filters, serializers
from issues.api.writes import PublishableWriteMixin, publishable_write_schema
from issues.models import Agreement, Issue, IssueStatus, Position, Statement, TimelineState
from issues.queries import HEAD_FIRST, published_before, round_statuses
from issues.vocabulary import AssessmentStatus
from negotrack.api import ConditionalReadMixin, ReadOnlyRecordViewSet, visible
from negotrack.groups import is_editorial
from negotrack.schema import BAD_QUERY
from rounds.models import Round, Source

INCLUDE_DRAFTS = OpenApiParameter(
    "include",
    str,
    enum=["drafts"],
    description="`drafts` adds drafts to the list, for editors and reviewers only; ignored for anyone else",
)


def path_parameter(name: str, kind, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.PATH, description=description)


SOURCES = Prefetch("sources", Source.objects.select_related("via"))

SLUG = {
    "rounds": path_parameter("slug", str, "the round's slug, e.g. geneva-2026-02-17"),
    "issues": path_parameter("slug", str, "the agenda issue's slug, {process}-{topic}"),
}
UUID = path_parameter("uuid", OpenApiTypes.UUID, "the record's UUID")


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG["rounds"]]))
class RoundViewSet(ReadOnlyRecordViewSet):
    """Rounds of talks in chronological order; the detail nests what happened there."""

    lookup_field = "slug"
    filterset_class = filters.RoundFilter

    def get_queryset(self):
        rounds = Round.objects.select_related("process").chronological()
        if self.action != "retrieve":
            return rounds
        members = Membership.objects.select_related("person").order_by(HEAD_FIRST, "person__name")
        delegations = Delegation.objects.select_related("party").prefetch_related(Prefetch("memberships", members))
        statuses = (
            IssueStatus.objects.public()
            .select_related("issue", "revises")
            .prefetch_related(SOURCES)
            .annotate(previous_status=published_before("effective_date"))
            .order_by("issue__sort_order", "issue__name", "id")
        )
        agreements = (
            Agreement.objects.public().select_related("revises").prefetch_related("parties", "issues", SOURCES)
        ).order_by("id")
        return rounds.prefetch_related(
            SOURCES,
            "sessions",
            Prefetch("delegations", delegations),
            Prefetch("issuestatus_set", statuses, to_attr="public_statuses"),
            Prefetch("agreement_set", agreements, to_attr="public_agreements"),
        )

    def get_serializer_class(self):
        return serializers.RoundDetailSerializer if self.action == "retrieve" else serializers.RoundSerializer


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG["issues"]]))
class IssueViewSet(ReadOnlyRecordViewSet):
    """Agenda issues with their current status and each party's latest position."""

    lookup_field = "slug"
    serializer_class = serializers.IssueSerializer
    filterset_class = filters.IssueFilter

    def get_queryset(self):
        # Position.is_current marks the latest published position, kept by the services.
        current = Position.objects.filter(is_current=True).select_related("party", "round").order_by("party__name")
        return Issue.objects.select_related("process", "current_status__round").prefetch_related(
            Prefetch("positions", current, to_attr="current_positions")
        )

    @extend_schema(
        parameters=[
            SLUG["issues"],
            OpenApiParameter(
                "as_of", OpenApiTypes.DATE, description="YYYY-MM-DD; today when left out; a malformed date answers 400"
            ),
        ],
        responses={200: serializers.StatusAsOfSerializer, 400: BAD_QUERY},
    )
    @action(detail=True, url_path="status", filter_backends=[], pagination_class=None)
    def status_as_of(self, request, slug=None):
        """The published status that held on a day: `not_discussed` before the first assessment."""
        issue = get_object_or_404(Issue.objects.all(), slug=slug)
        query = serializers.AsOfQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        as_of = query.validated_data.get("as_of") or timezone.localdate()
        held = (
            IssueStatus.objects.published()
            .filter(issue=issue, effective_date__lte=as_of)
            .select_related("round")
            .order_by("-effective_date", "-published_at", "-id")
            .first()
        )
        answer = {"issue": issue.slug, "as_of": as_of}
        if held is None:
            answer |= {"uuid": None, "status": AssessmentStatus.NOT_DISCUSSED, "summary": "", "effective_date": None}
            answer |= {"round": None, "date": None}
        else:
            answer |= {"uuid": held.uuid, "status": held.status, "summary": held.summary}
            answer |= {"effective_date": held.effective_date, "round": held.round, "date": held.date}
        return Response(serializers.StatusAsOfSerializer(answer).data)

    @extend_schema(parameters=[SLUG["issues"]], responses=serializers.TimelineSerializer)
    @action(detail=True, url_path="timeline", filter_backends=[], pagination_class=None)
    def timeline(self, request, slug=None):
        """The issue's timeline, whole, as the last rebuild made it, and whether it is current."""
        issue = get_object_or_404(Issue.objects.select_related("timeline_state"), slug=slug)
        state = getattr(issue, "timeline_state", None)
        entries = issue.timeline_entries.select_related("round", "party").order_by("position")
        answer = {
            "issue": issue.slug,
            "built_at": state.built_at if state else None,
            "is_current": bool(state and state.is_current and state.built_at),
            "entries": entries,
        }
        return Response(serializers.TimelineSerializer(answer, context=self.get_serializer_context()).data)

    def read_state(self) -> str:
        if self.action != "timeline":
            return ""
        # Clearing a mark logs no change, yet it changes the answer's `is_current`.
        state = TimelineState.objects.filter(issue__slug=self.kwargs.get("slug")).first()
        return "" if state is None else f"{state.generation}:{state.built_generation}"


class PublishableViewSet(PublishableWriteMixin, ReadOnlyRecordViewSet):
    """The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.
    """

    lookup_field = "uuid"
    queryset = None

    def get_queryset(self):
        records = self.base_queryset()
        if self.request.method not in SAFE_METHODS and is_editorial(self.request.user):
            return records  # a write may aim at a draft without asking for drafts
        return visible(records, self.request)


def publishable_schema(noun: str, read_serializer, write_serializer):
    """The schema of a publishable record's routes: reads, draft writes and publication."""
    read = {
        "list": extend_schema(parameters=[INCLUDE_DRAFTS], description=f"{noun}, from the public record"),
        "retrieve": extend_schema(parameters=[UUID, INCLUDE_DRAFTS]),
    }
    return extend_schema_view(**read, **publishable_write_schema(write_serializer, read_serializer))


@publishable_schema("Issue statuses", serializers.IssueStatusSerializer, serializers.IssueStatusWriteSerializer)
class IssueStatusViewSet(PublishableViewSet):
    serializer_class = serializers.IssueStatusSerializer
    filterset_class = filters.IssueStatusFilter
    write_serializer_class = serializers.IssueStatusWriteSerializer
    write_service = staticmethod(services.issue_status_save)
    service_lists = ("sources",)

    def base_queryset(self):
        return IssueStatus.objects.select_related("issue", "round", "revises").prefetch_related(SOURCES)


@publishable_schema("Party positions", serializers.PositionSerializer, serializers.PositionWriteSerializer)
class PositionViewSet(PublishableViewSet):
    serializer_class = serializers.PositionSerializer
    filterset_class = filters.PositionFilter
    write_serializer_class = serializers.PositionWriteSerializer
    write_service = staticmethod(services.position_save)
    service_lists = ("sources",)

    def base_queryset(self):
        return Position.objects.select_related("issue", "party", "round", "revises").prefetch_related(SOURCES)


@publishable_schema("Agreements", serializers.AgreementSerializer, serializers.AgreementWriteSerializer)
class AgreementViewSet(PublishableViewSet):
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    write_serializer_class = serializers.AgreementWriteSerializer
    write_service = staticmethod(services.agreement_save)
    service_lists = ("parties", "issues", "sources")

    def base_queryset(self):
        return Agreement.objects.select_related("process", "round", "revises").prefetch_related(
            "parties", "issues", SOURCES
        )


# --- CSV --------------------------------------------------------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CHUNK = 500


def spreadsheet_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Lines:
    """A file that hands back what is written to it, so csv.writer can feed a stream."""

    def write(self, line):
        return line


def csv_response(header, rows, filename: str) -> StreamingHttpResponse:
    """A header row and `rows`, streamed as they are produced, every cell spreadsheet-safe."""
    writer = csv.writer(_Lines())

    def lines():
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

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("CSV is streamed by the view, never rendered from data")


class CSVAnswers:
    """A view that also answers `?format=csv`; its errors are still JSON."""

    def get_renderers(self):
        return [*super().get_renderers(), CSVRenderer()]

    def wants_csv(self) -> bool:
        return isinstance(getattr(self.request, "accepted_renderer", None), CSVRenderer)

    def finalize_response(self, request, response, *args, **kwargs):
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


def csv_responses(json_response, what: str) -> dict:
    return {
        (200, "application/json"): json_response,
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description=f"{what}, with `?format=csv`"),
    }


# --- statements ---------------------------------------------------------------------------


class StatementPagination(CursorPagination):
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

    def _get_position_from_instance(self, instance, ordering):
        return f"{instance.date.isoformat()}.{instance.pk}"

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                self.position_key(cursor.position)
        except (NotFound, ValueError):
            raise ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from None
        return cursor

    @staticmethod
    def position_key(position: str) -> tuple[datetime.date, int]:
        day, _, pk = position.partition(".")
        return datetime.date.fromisoformat(day), int(pk)

    def paginate_queryset(self, queryset, request, view=None):
        # DRF's own method, with the filter on the position made a (date, id) keyset.
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.cursor = self.decode_cursor(request)
        offset, reverse, current_position = self.cursor or (0, False, None)
        queryset = queryset.order_by(*(("date", "id") if reverse else self.ordering))
        if current_position is not None:
            day, pk = self.position_key(current_position)
            if reverse:
                queryset = queryset.filter(Q(date__gt=day) | Q(date=day, pk__gt=pk))
            else:
                queryset = queryset.filter(Q(date__lt=day) | Q(date=day, pk__lt=pk))
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


def _source_cell(source) -> str:
    label = ": ".join(part for part in (source["outlet"], source["title"]) if part)
    return f"{label} <{source['url']}>" if source["url"] else label


def _as_is(*names: str) -> dict:
    return {name: itemgetter(name) for name in names}


# Each CSV column and how it reads from the statement's JSON: nested values are flattened.
STATEMENT_COLUMNS = {
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


STATEMENT_FILTERS_HELP = (
    "Statements from the public record, newest first, in pages by cursor (follow `next`). "
    "Dates of week or month precision match any date range they overlap."
)


@extend_schema_view(
    list=extend_schema(
        parameters=[INCLUDE_DRAFTS, csv_format("the whole filtered list (not one page)")],
        description=STATEMENT_FILTERS_HELP,
        responses=csv_responses(serializers.StatementSerializer(many=True), "every statement that the filters match"),
    ),
    retrieve=extend_schema(
        parameters=[UUID, INCLUDE_DRAFTS, csv_format("the statement")],
        responses=csv_responses(serializers.StatementSerializer, "the statement as one row"),
    ),
    **publishable_write_schema(serializers.StatementWriteSerializer, serializers.StatementSerializer),
)
class StatementViewSet(CSVAnswers, PublishableViewSet):
    """What was said, by whom, how, and where it was reported."""

    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilter
    pagination_class = StatementPagination
    write_serializer_class = serializers.StatementWriteSerializer
    write_service = staticmethod(services.statement_save)
    service_lists = ("issues", "sources")
    service_flags = ("confirm_date",)

    def base_queryset(self):
        issues = Issue.objects.order_by("sort_order", "name", "id")
        records = Statement.objects.select_related("process", "round", "session", "speaker", "party", "revises")
        return records.prefetch_related(Prefetch("issues", issues), SOURCES)

    def list(self, request, *args, **kwargs):
        if not self.wants_csv():
            return super().list(request, *args, **kwargs)
        statements = self.filter_queryset(self.get_queryset()).order_by(*StatementPagination.ordering)
        return self.csv(statements.iterator(chunk_size=CSV_CHUNK), "statements.csv")

    def retrieve(self, request, *args, **kwargs):
        if not self.wants_csv():
            return super().retrieve(request, *args, **kwargs)
        statement = self.get_object()
        return self.csv([statement], f"statement-{statement.uuid}.csv")

    def csv(self, statements, filename: str) -> StreamingHttpResponse:
        rows = (
            [cell(data) for cell in STATEMENT_COLUMNS.values()]
            for data in (self.get_serializer(statement).data for statement in statements)
        )
        return csv_response(list(STATEMENT_COLUMNS), rows, filename)


class StatusMatrixView(CSVAnswers, ConditionalReadMixin, APIView):
    """Rounds × agenda issues of one process, one published status per cell."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("process", str, required=True, description="the process's slug (required)"),
            csv_format("the matrix: a row per round, a column per agenda issue (by slug)"),
        ],
        responses={
            **csv_responses(serializers.StatusMatrixSerializer, "the matrix, a row per round"),
            (400, "application/json"): BAD_QUERY,
        },
    )
    def get(self, request):
        query = serializers.MatrixQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        process = query.validated_data["process"]
        issues = list(Issue.objects.filter(process=process).order_by("sort_order", "name", "id"))
        rounds = list(Round.objects.for_process(process).chronological())
        cells = round_statuses([talk_round.pk for talk_round in rounds])
        matrix = {
            "process": process.slug,
            "issues": issues,
            "rounds": [
                {
                    "slug": talk_round.slug,
                    "start_date": talk_round.start_date,
                    "end_date": talk_round.end_date,
                    "statuses": {issue.slug: cells.get((talk_round.pk, issue.pk)) for issue in issues},
                }
                for talk_round in rounds
            ],
        }
        if self.wants_csv():
            header = ["round", "start_date", "end_date", *(issue.slug for issue in issues)]
            rows = (
                [row["slug"], row["start_date"], row["end_date"], *row["statuses"].values()] for row in matrix["rounds"]
            )
            return csv_response(header, rows, f"status-matrix-{process.slug}.csv")
        return Response(serializers.StatusMatrixSerializer(matrix).data)
