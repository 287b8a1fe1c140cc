"""The read API of rounds, agenda issues and their assessments.

Reads show the public record: published records, and withdrawn or superseded ones as
correction notices. Current status, `as_of` and the matrix use published statuses only.
"""

from django.db.models import Case, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from delegations.models import Delegation, Membership
from issues import filters, serializers
from issues.models import Agreement, Issue, IssueStatus, Position
from issues.vocabulary import AssessmentStatus
from negotrack.api import ReadOnlyRecordViewSet, visible
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


def published_before(outer_date: str):
    """The status of the issue's latest published assessment before `outer_date`."""
    earlier = IssueStatus.objects.published().filter(issue=OuterRef("issue"), effective_date__lt=OuterRef(outer_date))
    return Subquery(earlier.order_by("-effective_date", "-published_at", "-id").values("status")[:1])


HEAD_FIRST = Case(When(role=Membership.Role.HEAD, then=Value(0)), When(role=Membership.Role.MEMBER, then=Value(1)),
                  default=Value(2), output_field=IntegerField())  # fmt: skip


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
            .select_related("issue")
            .prefetch_related(SOURCES)
            .annotate(previous_status=published_before("effective_date"))
            .order_by("issue__sort_order", "issue__name", "id")
        )
        agreements = Agreement.objects.public().prefetch_related("parties", "issues", SOURCES).order_by("id")
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
        responses=serializers.StatusAsOfSerializer,
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


class PublishableViewSet(ReadOnlyRecordViewSet):
    """The public record of one kind of assessment; drafts too for editors who ask."""

    lookup_field = "uuid"
    queryset = None

    def get_queryset(self):
        return visible(self.base_queryset(), self.request)


def publishable_schema(noun: str):
    return extend_schema_view(
        list=extend_schema(parameters=[INCLUDE_DRAFTS], description=f"{noun}, from the public record"),
        retrieve=extend_schema(parameters=[UUID, INCLUDE_DRAFTS]),
    )


@publishable_schema("Issue statuses")
class IssueStatusViewSet(PublishableViewSet):
    serializer_class = serializers.IssueStatusSerializer
    filterset_class = filters.IssueStatusFilter

    def base_queryset(self):
        return IssueStatus.objects.select_related("issue", "round").prefetch_related(SOURCES)


@publishable_schema("Party positions")
class PositionViewSet(PublishableViewSet):
    serializer_class = serializers.PositionSerializer
    filterset_class = filters.PositionFilter

    def base_queryset(self):
        return Position.objects.select_related("issue", "party", "round").prefetch_related(SOURCES)


@publishable_schema("Agreements")
class AgreementViewSet(PublishableViewSet):
    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter

    def base_queryset(self):
        return Agreement.objects.select_related("process", "round").prefetch_related("parties", "issues", SOURCES)


class StatusMatrixView(APIView):
    """Rounds × agenda issues of one process, one published status per cell."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("process", str, required=True, description="the process's slug (required)")],
        responses=serializers.StatusMatrixSerializer,
    )
    def get(self, request):
        query = serializers.MatrixQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        process = query.validated_data["process"]
        issues = list(Issue.objects.filter(process=process).order_by("sort_order", "name", "id"))
        rounds = list(Round.objects.for_process(process).chronological())
        cells = {
            (round_id, issue_id): status
            for round_id, issue_id, status in IssueStatus.objects.published()
            .filter(issue__process=process, round__isnull=False)
            .values_list("round_id", "issue_id", "status")
        }
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
        return Response(serializers.StatusMatrixSerializer(matrix).data)
