"""Serializers of the API: rounds with what was assessed there, agenda issues, the
assessments (statuses, positions, agreements) and statements, with their sources; and
the input of the writes to statements and assessments."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from delegations.models import Delegation, Membership, Party, Person
from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement, TimelineEntry
from issues.timelines.builder import Kind
from issues.vocabulary import AssessmentStatus, compare
from negotrack.api_writes import RecordWriteSerializer, version_field
from rounds.dates import DatePrecision
from rounds.models import Process, Round, Session, Source
from rounds.serializers import RECORD_FIELDS, SessionSerializer, SourceBriefSerializer, slug_ref, uuid_ref

STATUS_HELP = "Where the issue stands, one word of the vocabulary, from worst to best:\n" + "\n".join(
    f"- `{value.value}`: {value.definition}" for value in AssessmentStatus
)
CHANGE_HELP = (
    "How the status moved from the issue's previous published assessment: `new` (none before), "
    "`improved`, `worse` or `unchanged`, by the vocabulary's order; null on a correction notice."
)


def choices_help(text: str, choices) -> str:
    # Plain strings, not enums, where another serializer uses the same field name for other
    # choices: one name with two choice sets makes drf-spectacular warn.
    return f"{text}: " + ", ".join(f"`{value}` ({label})" for value, label in choices)


def status_field(**kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=AssessmentStatus.choices, help_text=STATUS_HELP, read_only=True, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class DefinitionField(serializers.Field):
    """The one-line definition of the record's status."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "status")
        super().__init__(read_only=True, help_text="the definition of the status, from the vocabulary", **kwargs)

    def to_representation(self, value):
        return AssessmentStatus(value).definition


@extend_schema_field(OpenApiTypes.NUMBER)
class NumberField(serializers.ReadOnlyField):
    """A figure's value as stored, integer or decimal."""


class RoundRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Round
        fields = ["slug", "start_date", "end_date"]


class PartyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["slug", "name"]


class IssueBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Issue
        fields = ["slug", "name"]


class NoticeSerializer(serializers.Serializer):
    state = serializers.CharField(help_text="`withdrawn`, or `superseded` by a correction")
    on = serializers.DateField(help_text="the day it was withdrawn or corrected")
    note = serializers.CharField(help_text="the public note of a withdrawal; empty for a correction")


class PublicationMixin(serializers.Serializer):
    """The publication state, and for withdrawn or superseded records their correction notice."""

    state = serializers.ChoiceField(
        choices=PublicationState.choices,
        read_only=True,
        help_text="`published`; `withdrawn` or `superseded` records are correction notices; "
        "`draft` only for editors who ask for drafts",
    )
    notice = serializers.SerializerMethodField(help_text="the correction notice; null unless withdrawn or superseded")
    revises = serializers.SlugRelatedField(
        slug_field="uuid",
        read_only=True,
        allow_null=True,
        help_text="for a correction: UUID of the record it corrects (superseded once the correction is published)",
    )
    review_note = serializers.CharField(
        read_only=True, help_text="on a draft a reviewer sent back: what to change; empty otherwise"
    )

    @extend_schema_field(NoticeSerializer(allow_null=True))
    def get_notice(self, record):
        if record.state == PublicationState.WITHDRAWN:
            return {"state": record.state, "on": record.withdrawn_on, "note": record.correction_note}
        if record.state == PublicationState.SUPERSEDED:
            return {"state": record.state, "on": record.notice_on, "note": ""}
        return None


PUBLICATION_FIELDS = ["state", "notice", "revises", "review_note"]


class FigureSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="what the number counts")
    value = NumberField(help_text="the number")
    unit = serializers.CharField(required=False, help_text="its unit, where it has one")


# --- the assessments -----------------------------------------------------------------


class IssueStatusSerializer(PublicationMixin, serializers.ModelSerializer):
    issue = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the agenda issue's slug")
    round = serializers.SlugRelatedField(
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
    issue = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the agenda issue's slug")
    party = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the party's slug")
    round = serializers.SlugRelatedField(
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
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the process's slug")
    round = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was reached at; null between rounds"
    )
    figures = FigureSerializer(many=True, read_only=True, help_text="the numbers in the terms")
    parties = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="the slugs of the parties bound by it"
    )
    issues = serializers.SlugRelatedField(
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


# --- statements ------------------------------------------------------------------------


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name"]


class StatementSerializer(PublicationMixin, serializers.ModelSerializer):
    """What was said, by whom, how, and where it was reported."""

    process = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the process's slug")
    round = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="the round it was said at; null between rounds"
    )
    session = serializers.SlugRelatedField(
        slug_field="uuid",
        read_only=True,
        allow_null=True,
        help_text="UUID of the session it was said at; null when not known",
    )
    speaker = SpeakerSerializer(
        read_only=True, allow_null=True, help_text="who said it; null when unnamed (see speaker_description)"
    )
    party = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="the slug of the party they spoke for; null when not known",
    )
    issues = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True, help_text="the slugs of the agenda issues it concerns"
    )
    sources = SourceBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            *RECORD_FIELDS,
            "process", "round", "session", "speaker", "speaker_description", "party", "speaker_title",
            "date", "date_precision", "medium", "kind", "language", "text", "translation", "text_is_translation",
            "issues", "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip
        extra_kwargs = {
            "date": {"help_text": "the day it was said, or the first day of its week or month (see date_precision)"},
        }


# --- rounds ----------------------------------------------------------------------------


class RoundSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the process's slug")
    status = serializers.CharField(read_only=True, help_text=choices_help("the round's status", Round.Status.choices))

    class Meta:
        model = Round
        fields = [
            *RECORD_FIELDS,
            "slug", "process", "ordinal", "city", "country", "venue", "start_date", "end_date",
            "format", "status", "summary", "outcome",
        ]  # fmt: skip


class RoundMemberSerializer(serializers.ModelSerializer):
    person = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the person's slug")
    name = serializers.CharField(source="person.name", read_only=True, help_text="the person's name")
    role = serializers.CharField(read_only=True, help_text=choices_help("their role", Membership.Role.choices))

    class Meta:
        model = Membership
        fields = [*RECORD_FIELDS, "person", "name", "title", "role"]


class RoundDelegationSerializer(serializers.ModelSerializer):
    party = PartyBriefSerializer(read_only=True)
    role = serializers.CharField(
        read_only=True, help_text=choices_help("the party's role at the round", Delegation.Role.choices)
    )
    members = RoundMemberSerializer(source="memberships", many=True, read_only=True, help_text="the head first")

    class Meta:
        model = Delegation
        fields = [*RECORD_FIELDS, "party", "role", "note", "members"]


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
    def get_change(self, status):
        if status.state != PublicationState.PUBLISHED:
            return None
        return compare(status.previous_status, status.status)


class RoundAgreementSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = [
            *RECORD_FIELDS,
            "title", "terms", "figures", "parties", "issues", "carried_out_on", "carried_out_precision",
            "sources", *PUBLICATION_FIELDS,
        ]  # fmt: skip


class RoundDetailSerializer(RoundSerializer):
    sources = SourceBriefSerializer(many=True, read_only=True)
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
        fields = [*RoundSerializer.Meta.fields, "sources", "sessions", "delegations", "issue_statuses", "agreements"]


# --- agenda issues -------------------------------------------------------------------


class CurrentStatusSerializer(serializers.ModelSerializer):
    status = status_field()
    definition = DefinitionField()
    round = RoundRefSerializer(read_only=True, allow_null=True, help_text="the round it came from; null between rounds")

    class Meta:
        model = IssueStatus
        fields = ["uuid", "status", "definition", "summary", "effective_date", "round", "date"]


class CurrentPositionSerializer(serializers.ModelSerializer):
    party = PartyBriefSerializer(read_only=True)
    round = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the round it was stated at; null between rounds"
    )

    class Meta:
        model = Position
        fields = ["uuid", "party", "stance", "text", "round", "date", "effective_date"]


class IssueSerializer(serializers.ModelSerializer):
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the process's slug")
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


# --- the status matrix -----------------------------------------------------------------


class MatrixQuerySerializer(serializers.Serializer):
    process = serializers.SlugRelatedField(
        slug_field="slug", queryset=Process.objects.all(), help_text="the process's slug"
    )


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


# --- writes ------------------------------------------------------------------------------

WRITE_DATING = ["round", "date", "date_precision"]


def round_ref(what: str):
    return slug_ref(Round, f"the slug of the round {what}; leave out (or null) and give `date` between rounds",
                    required=False, allow_null=True)  # fmt: skip


def sources_ref():
    return uuid_ref(
        Source, "UUIDs of the sources that report it; publishing needs at least one", many=True, required=False
    )


def issues_ref(what: str):
    return slug_ref(Issue, f"slugs of the agenda issues {what}, all of the record's process", many=True,
                    required=False)  # fmt: skip


class StatementWriteSerializer(RecordWriteSerializer):
    process = slug_ref(Process, "the slug of the negotiation process")
    round = round_ref("it was said at")
    session = uuid_ref(Session, "UUID of the session it was said at, if known", required=False, allow_null=True)
    speaker = slug_ref(
        Person,
        "the speaker's slug; leave out and fill speaker_description when the speaker is not named",
        required=False,
        allow_null=True,
    )
    party = slug_ref(Party, "the slug of the party they spoke for", required=False, allow_null=True)
    issues = issues_ref("it concerns; a write replaces the whole list")
    sources = sources_ref()
    confirm_date = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text="confirm a date more than 30 days from the statement's round; without it such a date answers "
        "400 on `date`",
    )

    class Meta(RecordWriteSerializer.Meta):
        model = Statement
        fields = [
            "version", "process", "round", "session", "speaker", "speaker_description", "party", "speaker_title",
            "date", "date_precision", "medium", "kind", "language", "text", "translation", "text_is_translation",
            "issues", "sources", "confirm_date",
        ]  # fmt: skip
        extra_kwargs = {
            "date": {"help_text": "the day it was said, or any day of its week or month (see date_precision)"},
        }


class IssueStatusWriteSerializer(RecordWriteSerializer):
    issue = slug_ref(Issue, "the agenda issue's slug")
    round = round_ref("it was assessed at")
    status = serializers.ChoiceField(choices=AssessmentStatus.choices, help_text=STATUS_HELP)
    sources = sources_ref()

    class Meta(RecordWriteSerializer.Meta):
        model = IssueStatus
        fields = ["version", "issue", *WRITE_DATING, "status", "summary", "sources"]


class PositionWriteSerializer(RecordWriteSerializer):
    issue = slug_ref(Issue, "the agenda issue's slug")
    party = slug_ref(Party, "the slug of the party whose position it is")
    round = round_ref("it was stated at")
    sources = sources_ref()

    class Meta(RecordWriteSerializer.Meta):
        model = Position
        fields = ["version", "issue", "party", *WRITE_DATING, "stance", "text", "sources"]


class AgreementWriteSerializer(RecordWriteSerializer):
    process = slug_ref(Process, "the slug of the negotiation process")
    round = round_ref("it was reached at")
    parties = slug_ref(Party, "slugs of the parties bound by it; at least one", many=True, required=False)
    issues = issues_ref("it settles")
    figures = serializers.JSONField(
        required=False,
        help_text='the numbers in the terms: [{"label": "prisoners of war exchanged", "value": 314}], '
        "each with a label, a value and optionally a unit",
    )
    sources = sources_ref()

    class Meta(RecordWriteSerializer.Meta):
        model = Agreement
        fields = [
            "version", "process", *WRITE_DATING, "title", "terms", "figures", "parties", "issues",
            "carried_out_on", "carried_out_precision", "sources",
        ]  # fmt: skip


class VersionOnlySerializer(serializers.Serializer):
    version = version_field()


class WithdrawSerializer(VersionOnlySerializer):
    note = serializers.CharField(help_text="the public note: why the record is withdrawn")
    on = serializers.DateField(required=False, help_text="the day of the withdrawal; today when left out")


class SendBackSerializer(VersionOnlySerializer):
    note = serializers.CharField(help_text="what the editor should change")


# --- timelines ---------------------------------------------------------------------------

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
        choices=Kind.choices,
        help_text="`status_change` (with `before` and `after`), `statement`, `position_change` (a party's stance, "
        "with the one before), `agreement`, or `correction` (a record withdrawn or corrected)",
    )
    round = serializers.SlugRelatedField(slug_field="slug", read_only=True, help_text="the round; null between rounds")
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
    def get_record(self, entry):
        request = self.context.get("request")
        url = reverse(RECORD_ROUTES[entry.record_type], kwargs={"uuid": entry.record_uuid}, request=request)
        return {"type": entry.record_type.split(".")[1], "uuid": entry.record_uuid, "url": url}


class TimelineSerializer(serializers.Serializer):
    issue = serializers.CharField(help_text="the agenda issue's slug")
    built_at = serializers.DateTimeField(allow_null=True, help_text="when the timeline was last built; null before")
    is_current = serializers.BooleanField(
        help_text="false while a rebuild is pending after an edit: the entries may miss the latest changes"
    )
    entries = TimelineEntrySerializer(many=True, help_text="the whole timeline, oldest first")
