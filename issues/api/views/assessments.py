"""Issue statuses, party positions and agreements: the public record, drafts for editors."""

from django.db.models import QuerySet

from issues.api import filters
from issues.api.serializers.assessments import AgreementSerializer, IssueStatusSerializer, PositionSerializer
from issues.api.serializers.writes import AgreementWriteSerializer, IssueStatusWriteSerializer, PositionWriteSerializer
from issues.api.views.base import SOURCES, PublishableViewSet, publishable_schema
from issues.models import Agreement, IssueStatus, Position


@publishable_schema("Issue statuses", IssueStatusSerializer, IssueStatusWriteSerializer)
class IssueStatusViewSet(PublishableViewSet):
    serializer_class = IssueStatusSerializer
    filterset_class = filters.IssueStatusFilter
    write_serializer_class = IssueStatusWriteSerializer

    def base_queryset(self) -> QuerySet[IssueStatus]:
        return IssueStatus.objects.select_related("issue", "round", "revises").prefetch_related(SOURCES)


@publishable_schema("Party positions", PositionSerializer, PositionWriteSerializer)
class PositionViewSet(PublishableViewSet):
    serializer_class = PositionSerializer
    filterset_class = filters.PositionFilter
    write_serializer_class = PositionWriteSerializer

    def base_queryset(self) -> QuerySet[Position]:
        return Position.objects.select_related("issue", "party", "round", "revises").prefetch_related(SOURCES)


@publishable_schema("Agreements", AgreementSerializer, AgreementWriteSerializer)
class AgreementViewSet(PublishableViewSet):
    serializer_class = AgreementSerializer
    filterset_class = filters.AgreementFilter
    write_serializer_class = AgreementWriteSerializer

    def base_queryset(self) -> QuerySet[Agreement]:
        return Agreement.objects.select_related("process", "round", "revises").prefetch_related(
            "parties", "issues", SOURCES
        )
