"""The input of the writes to agenda issues, statements and assessments, and of their publication."""

import datetime
from typing import Any

from rest_framework import serializers

from delegations.models import Party, Person
from issues.api.serializers.base import STATUS_HELP
from issues.models import Agreement, Issue, IssueStatus, Position, Statement
from issues.services import withdrawal_date_problem
from issues.vocabulary import AssessmentStatus
from negotrack.api_writes import RecordWriteSerializer, Text, TrueOrFalse, version_field
from rounds.models import Process, Round, Session, Source
from rounds.serializers import UUIDRelatedField, slug_ref, uuid_ref

WRITE_DATING = ["round", "date", "date_precision"]


def round_ref(what: str) -> serializers.SlugRelatedField[Any]:
    return slug_ref(Round, f"the slug of the round {what}; leave out (or null) and give `date` between rounds",
                    required=False, allow_null=True)  # fmt: skip


def sources_ref() -> UUIDRelatedField:
    return uuid_ref(
        Source, "UUIDs of the sources that report it; publishing needs at least one", many=True, required=False
    )


def issues_ref(what: str) -> serializers.SlugRelatedField[Any]:
    return slug_ref(Issue, f"slugs of the agenda issues {what}, all of the record's process", many=True,
                    required=False)  # fmt: skip


class IssueWriteSerializer(RecordWriteSerializer):
    """An agenda issue; its slug is made of its process and topic, so both are fixed once it
    is made (the view refuses a change, as the admin shows them read-only)."""

    process = slug_ref(Process, "the slug of the negotiation process; given when the issue is made, fixed after",
                       required=False)  # fmt: skip

    class Meta(RecordWriteSerializer.Meta):
        model = Issue
        fields = ["version", "process", "topic", "name", "description", "sort_order"]
        extra_kwargs = {
            "topic": {
                "required": False,
                "help_text": "what the issue is about, as a slug (territory, prisoner-exchange), unique in the "
                "process; its slug is {process}-{topic}. Given when the issue is made, fixed after",
            },
            "name": {"help_text": "the issue's name as readers see it"},
            "sort_order": {"help_text": "where it stands in the process's agenda"},
        }


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
    speaker_name = Text(
        required=False,
        write_only=True,
        max_length=200,
        help_text="the speaker as a report names them, instead of `speaker`: a full name, an alias, a surname or "
        "another part of a name (Umerov, Medinsky), in any script and case. When it fits several people, the "
        "delegates of the statement's round are preferred. A name that fits several, none, or only spellings "
        "close to it (another transliteration, a letter off) answers 400 on `speaker_name` with a message "
        "naming the people it could be, with their slugs: send one as `speaker`. Not with `speaker`",
    )
    party = slug_ref(Party, "the slug of the party they spoke for", required=False, allow_null=True)
    issues = issues_ref("it concerns; a write replaces the whole list")
    sources = sources_ref()
    confirm_date = TrueOrFalse(
        required=False,
        default=False,
        write_only=True,
        help_text="confirm a date more than 30 days from the statement's round; without it such a date answers "
        "400 on `date`",
    )
    confirm_party = TrueOrFalse(
        required=False,
        default=False,
        write_only=True,
        help_text="confirm a `party` the speaker never sat for (no delegation of that party on record counts "
        "them); without it such a party answers 400 on `party`. Not asked of an unnamed speaker",
    )

    class Meta(RecordWriteSerializer.Meta):
        model = Statement
        fields = [
            "version", "process", "round", "session", "speaker", "speaker_name", "speaker_description", "party",
            "speaker_title", "date", "date_precision", "medium", "kind", "language", "text", "translation",
            "text_is_translation", "issues", "sources", "confirm_date", "confirm_party",
        ]  # fmt: skip
        extra_kwargs = {
            "date": {"help_text": "the day it was said, or any day of its week or month (see date_precision)"},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "speaker" in attrs and "speaker_name" in attrs:
            raise serializers.ValidationError(
                {"speaker_name": "Name the speaker by `speaker` (a slug) or by `speaker_name`, not both."}
            )
        return attrs


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
    note = Text(help_text="the public note: why the record is withdrawn", style={"base_template": "textarea.html"})
    on = serializers.DateField(required=False, help_text="the day of the withdrawal; today when left out")

    def validate_on(self, value: datetime.date) -> datetime.date:
        problem = withdrawal_date_problem(value)
        if problem:
            raise serializers.ValidationError(problem)
        return value


class SendBackSerializer(VersionOnlySerializer):
    note = Text(help_text="what the editor should change", style={"base_template": "textarea.html"})
