"""Agenda issues (with the status on a day and the timeline), which editors and reviewers
add and change, and the status matrix of a process."""

from typing import Any, cast

from django.db.models import Prefetch, QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from issues.api import filters
from issues.api.serializers.issues import (
    AsOfQuerySerializer,
    IssueSerializer,
    MatrixQuerySerializer,
    StatusAsOfSerializer,
    StatusMatrixSerializer,
    TimelineSerializer,
)
from issues.api.serializers.writes import IssueWriteSerializer
from issues.api.timelinejs import TimelineJSRenderer, TimelineJSSerializer, timelinejs_document, wants_timelinejs
from issues.api.views.base import SLUG
from issues.api.views.csv_output import CSVAnswers, csv_format, csv_response, csv_responses
from issues.models import Issue, IssueStatus, Position, TimelineState
from issues.queries import round_statuses
from issues.services.issues import LATEST_FIRST
from issues.timelines.as_known import show_timelines
from issues.vocabulary import AssessmentStatus
from negotrack.api import ConditionalReadMixin, ReadOnlyRecordViewSet
from negotrack.api_writes import RecordWriteMixin, record_write_schema
from negotrack.records import Record
from negotrack.schema import BAD_QUERY, one_line
from rounds.models import Round


@extend_schema_view(
    retrieve=extend_schema(parameters=[SLUG["issues"]]),
    **record_write_schema("an agenda issue", IssueSerializer, IssueWriteSerializer, lookup=SLUG["issues"]),
)
class IssueViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Agenda issues with their current status and each party's latest position. Their
    process and topic make the slug, so they are given once, when the issue is made."""

    lookup_field = "slug"
    serializer_class = IssueSerializer
    filterset_class = filters.IssueFilter
    write_serializer_class = IssueWriteSerializer
    fixed_fields = ("process", "topic")

    def save_through_service(self, record: Record, values: dict[str, Any]) -> Record:
        """As in the admin, where they are read-only once the issue is made: its process and
        topic made its slug, which never changes, so a change to them is refused here."""
        if not record._state.adding:
            issue = cast(Issue, record)
            stored = {"process": issue.process, "topic": issue.topic}
            moved = {name: value for name, value in values.items() if name in stored and value != stored[name]}
            if moved:
                raise ValidationError(
                    {name: [f"An agenda issue keeps the {name} it was made with: its slug, “{issue.slug}”, is made "
                            "of its process and topic, and slugs never change. Make a new agenda issue instead."]
                     for name in moved}
                )  # fmt: skip
        return super().save_through_service(record, values)

    def get_queryset(self) -> QuerySet[Issue]:
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
        responses={200: StatusAsOfSerializer, 400: BAD_QUERY},
    )
    @action(detail=True, url_path="status", filter_backends=[], pagination_class=None)
    def status_as_of(self, request: Request, slug: str | None = None) -> Response:
        """The published status that held on a day: `not_discussed` before the first assessment."""
        issue = get_object_or_404(Issue.objects.all(), slug=slug)
        query = AsOfQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        as_of = query.validated_data.get("as_of") or timezone.localdate()
        held = (
            IssueStatus.objects.published()
            .filter(issue=issue, effective_date__lte=as_of)
            .select_related("round")
            .order_by(*LATEST_FIRST)
            .first()
        )
        answer = {"issue": issue.slug, "as_of": as_of}
        if held is None:
            answer |= {"uuid": None, "status": AssessmentStatus.NOT_DISCUSSED, "summary": "", "effective_date": None}
            answer |= {"round": None, "date": None}
        else:
            answer |= {"uuid": held.uuid, "status": held.status, "summary": held.summary}
            answer |= {"effective_date": held.effective_date, "round": held.round, "date": held.date}
        return Response(StatusAsOfSerializer(answer).data)

    @extend_schema(
        parameters=[
            SLUG["issues"],
            OpenApiParameter(
                "format",
                str,
                # Left empty, as DRF reads it: the default, JSON.
                enum=["", "json", "timelinejs"],
                description="`timelinejs` gives the timeline in TimelineJS's data format "
                "(timeline.knightlab.com/docs/json-format.html), ready for TimelineJS to show: the issue as the "
                "title slide, each entry an event with its date down to its precision, its kind as the group, "
                "and its text, round and sources as escaped HTML",
            ),
        ],
        responses=PolymorphicProxySerializer(
            component_name="TimelineAnswer",
            serializers=[TimelineSerializer, TimelineJSSerializer],
            resource_type_field_name=None,
            many=False,
        ),
    )
    @action(
        detail=True,
        url_path="timeline",
        filter_backends=[],
        pagination_class=None,
        renderer_classes=[*api_settings.DEFAULT_RENDERER_CLASSES, TimelineJSRenderer],
    )
    def timeline(self, request: Request, slug: str | None = None) -> Response:
        """The issue's timeline, whole, as the last rebuild made it, and whether it is current
        (`?format=timelinejs`: the same entries as TimelineJS reads them)."""
        show_timelines(Issue.objects.filter(slug=slug).values_list("pk", flat=True))
        issue = get_object_or_404(Issue.objects.select_related("timeline_state"), slug=slug)
        state = getattr(issue, "timeline_state", None)
        entries = issue.timeline_entries.select_related("round", "party").order_by("position")
        is_current = bool(state and state.is_current and state.built_at)
        if wants_timelinejs(request):
            return Response(timelinejs_document(issue, entries, is_current=is_current, request=request))
        answer = {
            "issue": issue.slug,
            "built_at": state.built_at if state else None,
            "is_current": is_current,
            "entries": entries,
        }
        return Response(TimelineSerializer(answer, context=self.get_serializer_context()).data)

    def read_state(self) -> str:
        if self.action != "timeline":
            return ""
        # Clearing a mark logs no change, yet it changes the answer's `is_current`.
        state = TimelineState.objects.filter(issue__slug=self.kwargs.get("slug")).first()
        return "" if state is None else f"{state.generation}:{state.built_generation}"


class StatusMatrixView(CSVAnswers, ConditionalReadMixin, APIView):
    """Rounds × agenda issues of one process, one published status per cell."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "process",
                one_line({"type": "string"}),
                required=True,
                description="the process's slug (required); an unknown slug answers 400",
            ),
            csv_format("the matrix: a row per round, a column per agenda issue (by slug)"),
        ],
        responses={
            **csv_responses(StatusMatrixSerializer, "the matrix, a row per round"),
            (400, "application/json"): BAD_QUERY,
        },
    )
    def get(self, request: Request) -> Response | StreamingHttpResponse:
        query = MatrixQuerySerializer(data=request.query_params)
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
        return Response(StatusMatrixSerializer(matrix).data)
