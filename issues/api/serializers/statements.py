"""Statements as the API reads them: what was said, by whom, how, and where it was reported."""

from rest_framework import serializers

from delegations.models import Party, Person
from issues.api.serializers.base import PUBLICATION_FIELDS, PublicationMixin
from issues.models import Issue, Statement
from rounds.models import Process, Round, Session
from rounds.serializers import RECORD_FIELDS, SourceBriefSerializer


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name"]


class StatementSerializer(PublicationMixin, serializers.ModelSerializer):
    """What was said, by whom, how, and where it was reported."""

    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="the process's slug"
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="the round it was said at; null between rounds"
    )
    session: serializers.SlugRelatedField[Session] = serializers.SlugRelatedField(
        slug_field="uuid",
        read_only=True,
        allow_null=True,
        help_text="UUID of the session it was said at; null when not known",
    )
    speaker = SpeakerSerializer(
        read_only=True, allow_null=True, help_text="who said it; null when unnamed (see speaker_description)"
    )
    party: serializers.SlugRelatedField[Party] = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="the slug of the party they spoke for; null when not known",
    )
    issues: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
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
