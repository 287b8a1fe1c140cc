"""The assessments as the API reads them: issue statuses, party positions, agreements."""

from rest_framework import serializers

from delegations.models import Party
from issues.api.serializers.base import (
    PUBLICATION_FIELDS,
    DefinitionField,
    FigureSerializer,
    PublicationMixin,
    choices_help,
    status_field,
)
from issues.models import Agreement, Issue, IssueStatus, Position
from rounds.dates import DatePrecision
from rounds.models import Process, Round
from rounds.serializers import RECORD_FIELDS, SourceBriefSerializer


class IssueStatusSerializer(PublicationMixin, serializers.ModelSerializer):
    issue: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the agenda issue's slug"
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was assessed at; null between rounds"
    )
    status = status_field()
    definition = DefinitionField()
    sources = SourceBriefSerializer(many=True, read_only=True)

    class Meta:
        model = IssueStatus
        fields = [
            *RECORD_FIELDS,
            "issue", "round", "date", "date_precision", "effective_date",
            "status", "definition", "summary", "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip


class PositionSerializer(PublicationMixin, serializers.ModelSerializer):
    issue: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the agenda issue's slug"
    )
    party: serializers.SlugRelatedField[Party] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the party's slug"
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was stated at; null between rounds"
    )
    sources = SourceBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Position
        fields = [
            *RECORD_FIELDS,
            "issue", "party", "round", "date", "date_precision", "effective_date",
            "stance", "text", "is_current", "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip


class AgreementSerializer(PublicationMixin, serializers.ModelSerializer):
    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the process's slug"
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was reached at; null between rounds"
    )
    figures = FigureSerializer(many=True, read_only=True, help_text="the numbers in the terms")
    parties: serializers.SlugRelatedField[Party] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="the slugs of the parties bound by it"
    )
    issues: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="the slugs of the agenda issues it settles"
    )
    sources = SourceBriefSerializer(many=True, read_only=True)
    carried_out_precision = serializers.CharField(
        read_only=True, help_text=choices_help("the precision of carried_out_on", DatePrecision.choices)
    )

    class Meta:
        model = Agreement
        fields = [
            *RECORD_FIELDS,
            "process", "round", "date", "date_precision", "effective_date",
            "title", "terms", "figures", "parties", "issues", "carried_out_on", "carried_out_precision",
            "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip
