"""What the read serializers share: the status and its definition, brief references to
rounds, parties and issues, the publication state with its correction notice, figures."""

from collections.abc import Iterable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from delegations.models import Party
from issues.models import Issue, PublicationState, Publishable
from issues.vocabulary import AssessmentStatus
from rounds.models import Round

STATUS_HELP = "Where the issue stands, one word of the vocabulary, from worst to best:\n" + "\n".join(
    f"- `{value.value}`: {value.definition}" for value in AssessmentStatus
)


def choices_help(text: str, choices: Iterable[tuple[Any, Any]]) -> str:
    # Plain strings, not enums, where another serializer uses the same field name for other
    # choices: one name with two choice sets makes drf-spectacular warn.
    return f"{text}: " + ", ".join(f"`{value}` ({label})" for value, label in choices)


def status_field(**kwargs: Any) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=AssessmentStatus.choices, help_text=STATUS_HELP, read_only=True, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class DefinitionField(serializers.Field):
    """The one-line definition of the record's status."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "status")
        super().__init__(read_only=True, help_text="the definition of the status, from the vocabulary", **kwargs)

    def to_representation(self, value: str) -> str:
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
    revises: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="uuid",
        read_only=True,
        allow_null=True,
        help_text="for a correction: UUID of the record it corrects (superseded once the correction is published)",
    )
    review_note = serializers.CharField(
        read_only=True, help_text="on a draft a reviewer sent back: what to change; empty otherwise"
    )

    @extend_schema_field(NoticeSerializer(allow_null=True))
    def get_notice(self, record: Publishable) -> dict[str, Any] | None:
        if record.state == PublicationState.WITHDRAWN:
            return {"state": record.state, "on": record.withdrawn_on, "note": record.correction_note}
        if record.state == PublicationState.SUPERSEDED:
            return {"state": record.state, "on": record.notice_on, "note": ""}
        return None


PUBLICATION_FIELDS = ["state", "notice", "revises", "review_note"]


class FigureSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="what the number counts")  # type: ignore[assignment]  # a declared field, not Field.label
    value = NumberField(help_text="the number")
    unit = serializers.CharField(required=False, help_text="its unit, where it has one")
