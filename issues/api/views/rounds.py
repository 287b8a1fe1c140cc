"""Rounds of talks; a round's detail nests what happened there. Editors and reviewers add
and change rounds (deleting stays in the admin), and have a news report's statements
proposed for a round (saving nothing)."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from delegations.models import Delegation, Membership
from issues.api import filters
from issues.api.serializers.proposals import ProposalsSerializer, ReportSerializer
from issues.api.serializers.rounds import RoundDetailSerializer, RoundSerializer
from issues.api.views.base import SLUG, SOURCES
from issues.models import Agreement, IssueStatus
from issues.proposals.propose import MOST_CHARACTERS, propose
from issues.proposals.report import Report
from issues.queries import HEAD_FIRST, published_before
from negotrack.api import ReadOnlyRecordViewSet
from negotrack.api_writes import EditorialWrites, RecordWriteMixin, record_write_schema, write_errors
from rounds.models import Round
from rounds.serializers import RoundWriteSerializer

ROUND_WRITES = record_write_schema("a round", RoundSerializer, RoundWriteSerializer, lookup=SLUG["rounds"])
ROUND_WRITES["create"] = extend_schema(
    summary="Create a round (editors and reviewers)",
    description="The slug is made by the services, never sent: city and first day (istanbul-2025-05-16), the "
    "process in front when another process met in that city that day, provisional while the first day is "
    "unknown. Read it from the answer's `slug` or its `Location`.",
    request=RoundWriteSerializer,
    responses={201: RoundSerializer, **write_errors(400, 401, 403)},
)

PROPOSALS = extend_schema(
    summary="Propose the statements of a news report, saving nothing (editors and reviewers)",
    description="The statements a report gives (quotes and reported speech), each with its speaker found among "
    "the people on record (the round's delegates preferred), its party, date, medium, language and the round's "
    "agenda issues it may concern, for the editor to check before entering the ones they keep as drafts "
    f"(`POST /api/v1/statements/`). The text holds at most {MOST_CHARACTERS:,} characters; `outlet`, `title`, "
    "`url` and `published_on` are read from the text when left out. The answer says which source on record "
    "has the report's URL, and which statements are on record already. Nothing is saved.",
    parameters=[SLUG["rounds"]],
    request=ReportSerializer,
    responses={
        200: ProposalsSerializer,
        400: OpenApiResponse(
            OpenApiTypes.OBJECT,
            description="Bad input: an object mapping each field to its messages (`non_field_errors` for a body "
            "that is no object): `text` missing, blank or too long, a `published_on` before 1900 or after today, "
            "a `url` that is no address",
            examples=[OpenApiExample("no text", value={"text": ["This field is required."]})],
        ),
        **write_errors(401, 403),
    },
)


class MayHaveStatementsProposed(EditorialWrites):
    """Who may have a report's statements proposed: those who may enter them."""

    message = "Only editors and reviewers have a report's statements proposed."
    sign_in_message = (
        "Proposing a report's statements needs an editor's or reviewer's token (Authorization: Token <key>) "
        "or a signed-in session."
    )


@extend_schema_view(retrieve=extend_schema(parameters=[SLUG["rounds"]]), **ROUND_WRITES)
class RoundViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Rounds of talks in chronological order; the detail nests what happened there. A
    write answers with the round as the list shows it, its new slug included."""

    lookup_field = "slug"
    filterset_class = filters.RoundFilter
    write_serializer_class = RoundWriteSerializer

    def get_queryset(self) -> QuerySet[Round]:
        rounds = Round.objects.select_related("process").chronological()
        if self.action != "retrieve":
            return rounds
        members = Membership.objects.select_related("person").order_by(HEAD_FIRST, "person__name")
        delegations = (
            Delegation.objects.select_related("party")
            .prefetch_related(Prefetch("memberships", members))
            .in_role_order()
        )
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

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Any]]:
        if self.serializer_class is not None:
            return self.serializer_class  # a route's own body (proposals), as OPTIONS describes it
        if self.describing_writes:
            return RoundWriteSerializer
        return RoundDetailSerializer if self.action == "retrieve" else RoundSerializer

    def get_permissions(self) -> list[EditorialWrites]:
        return [MayHaveStatementsProposed()] if self.action == "proposals" else super().get_permissions()

    @PROPOSALS
    @action(detail=True, methods=["post"], serializer_class=ReportSerializer)
    def proposals(self, request: Request, slug: str | None = None) -> Response:
        """The statements a news report gives, proposed for this round; nothing is saved."""
        talk_round = self.get_object()
        report = Report(**self.validated(ReportSerializer, request.data).validated_data)
        return Response(ProposalsSerializer(propose(talk_round, report)).data)
