"""Rounds as the API reads them; the detail nests what happened there: sessions, delegations,
the statuses assessed and what was agreed."""

from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from delegations.models import Delegation, Membership, MembershipRole, Person
from delegations.serializers import role_field, roles_field
from issues.api.serializers.assessments import AgreementSerializer
from issues.api.serializers.base import (
    PUBLICATION_FIELDS,
    DefinitionField,
    IssueBriefSerializer,
    PartyBriefSerializer,
    PublicationMixin,
    choices_help,
    status_field,
)
from issues.models import IssueStatus, PublicationState
from issues.vocabulary import compare
from rounds.models import Process, Round
from rounds.serializers import RECORD_FIELDS, SessionSerializer, SourceBriefSerializer

CHANGE_HELP = (
    "How the status moved from the issue's previous published assessment: `new` (none before), "
    "`improved`, `worse` or `unchanged`, by the vocabulary's order; null on a correction notice."
)


class RoundSerializer(serializers.ModelSerializer):
    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the process's slug"
    )
    status = serializers.CharField(read_only=True, help_text=choices_help("the round's status", Round.Status.choices))

    class Meta:
        model = Round
        fields = [
            *RECORD_FIELDS,
            "slug", "process", "ordinal", "city", "country", "venue", "start_date", "end_date",
            "format", "status", "summary", "outcome",
        ]  # fmt: skip


class RoundMemberSerializer(serializers.ModelSerializer):
    person: serializers.SlugRelatedField[Person] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the person's slug"
    )
    name = serializers.CharField(source="person.name", read_only=True, help_text="the person's name")
    role = serializers.CharField(read_only=True, help_text=choices_help("their role", MembershipRole.choices))

    class Meta:
        model = Membership
        fields = [*RECORD_FIELDS, "person", "name", "title", "role"]


@extend_schema_serializer(deprecate_fields=["role"])
class RoundDelegationSerializer(serializers.ModelSerializer):
    party = PartyBriefSerializer(read_only=True)
    roles = roles_field()
    role = role_field()
    members = RoundMemberSerializer(
        source="memberships", many=True, read_only=True, help_text="the head first, then the chair"
    )

    class Meta:
        model = Delegation
        fields = [*RECORD_FIELDS, "party", "roles", "role", "note", "members"]


class RoundChairSerializer(serializers.ModelSerializer):
    """The person who chaired the round's talks, from the delegation they sat in."""

    person: serializers.SlugRelatedField[Person] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the person's slug"
    )
    name = serializers.CharField(source="person.name", read_only=True, help_text="the person's name")
    party = PartyBriefSerializer(source="delegation.party", read_only=True, help_text="the party they sat for")

    class Meta:
        model = Membership
        fields = ["person", "name", "title", "party"]
        extra_kwargs = {"title": {"read_only": True, "help_text": "their title at the time of the round"}}


class RoundIssueStatusSerializer(PublicationMixin, serializers.ModelSerializer):
    issue = IssueBriefSerializer(read_only=True)
    status = status_field()
    definition = DefinitionField()
    sources = SourceBriefSerializer(many=True, read_only=True)
    change = serializers.SerializerMethodField(help_text=CHANGE_HELP)

    class Meta:
        model = IssueStatus
        fields = [*RECORD_FIELDS, "issue", "status", "definition", "summary", "change", "sources", *PUBLICATION_FIELDS]

    @extend_schema_field(
        serializers.ChoiceField(
            choices=["new", "improved", "worse", "unchanged"], allow_null=True, help_text=CHANGE_HELP
        )
    )
    def get_change(self, status: IssueStatus) -> str | None:
        if status.state != PublicationState.PUBLISHED:
            return None
        return compare(status.previous_status, status.status)  # type: ignore[attr-defined]  # annotated by the view


class RoundAgreementSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = [
            *RECORD_FIELDS,
            "title", "terms", "figures", "parties", "issues", "carried_out_on", "carried_out_precision",
            "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip


class RoundDetailSerializer(RoundSerializer):
    sources = SourceBriefSerializer(many=True, read_only=True)
    chair = serializers.SerializerMethodField(help_text="who chaired the talks, if anyone is on record as chair")
    sessions = SessionSerializer(many=True, read_only=True)
    delegations = RoundDelegationSerializer(many=True, read_only=True)
    issue_statuses = RoundIssueStatusSerializer(
        source="public_statuses",
        many=True,
        read_only=True,
        help_text="the statuses assessed at this round; withdrawn and superseded ones as correction notices",
    )
    agreements = RoundAgreementSerializer(
        source="public_agreements", many=True, read_only=True, help_text="what was agreed at this round"
    )

    class Meta(RoundSerializer.Meta):
        fields = [
            *RoundSerializer.Meta.fields,
            "sources", "chair", "sessions", "delegations", "issue_statuses", "agreements",
        ]  # fmt: skip

    @extend_schema_field(RoundChairSerializer(allow_null=True))
    def get_chair(self, talk_round: Round) -> dict[str, Any] | None:
        # From the delegations and members the view loaded with the round: no query of its own.
        members = (member for delegation in talk_round.delegations.all() for member in delegation.memberships.all())
        chair = next((member for member in members if member.role == MembershipRole.CHAIR), None)
        return None if chair is None else RoundChairSerializer(chair).data
