"""Agenda issues as the API reads them: current status and positions, the status on a day,
the status matrix of a process, and the timeline."""

from typing import Any

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from issues.api.serializers.base import (
    DefinitionField,
    IssueBriefSerializer,
    PartyBriefSerializer,
    RoundRefSerializer,
    status_field,
)
from issues.models import Issue, IssueStatus, Position, TimelineEntry
from issues.timelines.builder import EntryKind
from negotrack import as_known
from negotrack.filtering import SlugField
from rounds.models import Process, Round
from rounds.serializers import RECORD_FIELDS


class CurrentStatusSerializer(serializers.ModelSerializer):
    status = status_field()
    definition = DefinitionField()
    round = RoundRefSerializer(read_only=True, allow_null=True, help_text="the round it came from; null between rounds")

    class Meta:
        model = IssueStatus
        fields = ["uuid", "status", "definition", "summary", "effective_date", "round", "date"]


class CurrentPositionSerializer(serializers.ModelSerializer):
    party = PartyBriefSerializer(read_only=True)
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was stated at; null between rounds"
    )

    class Meta:
        model = Position
        fields = ["uuid", "party", "stance", "text", "round", "date", "effective_date"]


class IssueSerializer(serializers.ModelSerializer):
    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the process's slug"
    )
    current_status = CurrentStatusSerializer(
        read_only=True, allow_null=True, help_text="the latest published status; null before any assessment"
    )
    positions = CurrentPositionSerializer(
        source="current_positions", many=True, read_only=True, help_text="each party's latest published position"
    )

    class Meta:
        model = Issue
        fields = [
            *RECORD_FIELDS,
            "slug", "process", "topic", "name", "description", "sort_order", "current_status", "positions",
        ]  # fmt: skip


class AsOfQuerySerializer(serializers.Serializer):
    as_of = serializers.DateField(required=False, help_text="YYYY-MM-DD; today when left out")


class StatusAsOfSerializer(serializers.Serializer):
    issue = serializers.CharField(help_text="the agenda issue's slug")
    as_of = serializers.DateField(help_text="the day asked about")
    uuid = serializers.UUIDField(allow_null=True, help_text="the status record; null before any assessment")
    status = status_field()
    definition = DefinitionField()
    summary = serializers.CharField(help_text="what the reports said")
    effective_date = serializers.DateField(allow_null=True, help_text="the day the status took effect")
    round = RoundRefSerializer(allow_null=True, help_text="the round it came from; null between rounds or before any")
    date = serializers.DateField(allow_null=True, help_text="its date, when it was assessed between rounds")


class MatrixQuerySerializer(serializers.Serializer):
    process = SlugField(slug_field="slug", queryset=Process.objects.all(), help_text="the process's slug")


class MatrixRoundSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="the round's slug")
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    statuses = serializers.DictField(
        child=status_field(allow_null=True),
        help_text="for each issue slug, the status published for this round, or null where it was not assessed",
    )


class StatusMatrixSerializer(serializers.Serializer):
    process = serializers.CharField(help_text="the process's slug")
    issues = IssueBriefSerializer(many=True, help_text="the process's agenda issues, in agenda order")
    rounds = MatrixRoundSerializer(many=True, help_text="the process's rounds, in chronological order")


# The API collection of each kind of record a timeline entry comes from.
RECORD_ROUTES = {
    "issues.issuestatus": "issuestatus-detail",
    "issues.position": "position-detail",
    "issues.agreement": "agreement-detail",
    "issues.statement": "statement-detail",
}


class TimelineSourceSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    outlet = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="may be empty: not every report has one")


class TimelineEntrySerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(
        choices=EntryKind.choices,
        help_text="`status_change` (with `before` and `after`), `statement`, `position_change` (a party's stance, "
        "with the one before), `agreement`, or `correction` (a record withdrawn or corrected)",
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="the round; null between rounds"
    )
    party = PartyBriefSerializer(read_only=True, allow_null=True, help_text="the party it concerns, where one does")
    record = serializers.SerializerMethodField(help_text="the record the entry comes from")
    sources = TimelineSourceSerializer(many=True, read_only=True)

    class Meta:
        model = TimelineEntry
        fields = ["key", "kind", "date", "date_precision", "round", "party", "title", "text", "before", "after",
                  "record", "sources"]  # fmt: skip
        extra_kwargs = {
            "key": {"help_text": "stable: the entry's kind and the UUID of its record"},
            "before": {"help_text": "the status (or stance) before this entry; empty for the first"},
            "after": {"help_text": "the status (or stance) after it"},
        }

    @extend_schema_field(
        inline_serializer(
            "TimelineRecord",
            {"type": serializers.CharField(), "uuid": serializers.UUIDField(), "url": serializers.URLField()},
        )
    )
    def get_record(self, entry: TimelineEntry) -> dict[str, Any]:
        request = self.context.get("request")
        url = as_known.keep_moment(
            reverse(RECORD_ROUTES[entry.record_type], kwargs={"uuid": entry.record_uuid}, request=request)
        )
        return {"type": entry.record_type.split(".")[1], "uuid": entry.record_uuid, "url": url}


class TimelineSerializer(serializers.Serializer):
    issue = serializers.CharField(help_text="the agenda issue's slug")
    built_at = serializers.DateTimeField(allow_null=True, help_text="when the timeline was last built; null before")
    is_current = serializers.BooleanField(
        help_text="false while a rebuild is pending after an edit: the entries may miss the latest changes"
    )
    entries = TimelineEntrySerializer(many=True, help_text="the whole timeline, oldest first")
