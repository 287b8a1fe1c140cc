"""A news report as an editor's tool sends it, and the statements negotrack proposes from
it (issues.proposals), as the API answers them. Nothing here is saved: the tool shows the
proposals, and the editor enters the ones they keep as drafts (POST statements/)."""

import datetime
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from issues.models import Statement, StatementKind
from issues.proposals.propose import MOST_CHARACTERS
from issues.proposals.speakers import Speaker, Sureness
from negotrack.api_writes import RecordWriteSerializer, Text
from negotrack.limits import help_up_to
from rounds.dates import DatePrecision, date_errors
from rounds.models import Source

SURENESS_HELP = (
    "how sure the speaker is, from `suggested` (check the speaker) to `exact` (on record by their full name "
    "or an alias); the answer lists the least sure first, for the editor to check first"
)


@extend_schema_field(OpenApiTypes.STR)
class SlugOf(serializers.SlugRelatedField[Any]):
    """A record a proposal names, by its slug (the schema cannot tell the type from a
    serializer without a model)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="slug", **kwargs)


@extend_schema_field(OpenApiTypes.UUID)
class UUIDOf(serializers.SlugRelatedField[Any]):
    """A record a proposal names, by its UUID."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="uuid", **kwargs)


class ReportSerializer(serializers.ModelSerializer):
    """A report as the editor pastes it: its text, and what they know of it, each with the
    limits and checks of a source's field (what the editor leaves out is read from the text)."""

    serializer_field_mapping = RecordWriteSerializer.serializer_field_mapping
    text = Text(
        max_length=MOST_CHARACTERS,
        style={"base_template": "textarea.html"},
        help_text=help_up_to(
            MOST_CHARACTERS,
            "the report as copied from the page, whatever the site put around the story (menus, captions, "
            "share buttons are left out); not blank",
        ),
    )

    class Meta:
        model = Source
        fields = ["text", "outlet", "title", "url", "published_on"]
        extra_kwargs = {
            "outlet": {"required": False, "allow_blank": True,
                       "help_text": "who published it; else the outlet a wire story's dateline names, or the URL's"},
            "title": {"required": False, "help_text": "the headline; else the first line that reads as one"},
            "url": {"required": False, "help_text": "its address; else the first address in the text. A source "
                    "on record with this address is named in the answer"},
            "published_on": {"required": False, "allow_null": True,
                             "help_text": "the day it was published, from 1900 to today; else the first full date "
                             "near the top of the text. Words like \"on Tuesday\" are read from it"},
        }  # fmt: skip
        validators: list[Any] = []

    def validate_published_on(self, value: datetime.date | None) -> datetime.date | None:
        """A source's rule: a report cannot be published before 1900, or later than today."""
        problems = date_errors(value, allow_future=False)
        if problems:
            raise serializers.ValidationError(problems)
        return value


class SurenessField(serializers.ChoiceField):
    """A speaker's sureness by its name in lower case (`exact`), not its rank."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=[(sureness.name.lower(), sureness.label) for sureness in Sureness], **kwargs)

    def to_representation(self, value: Any) -> str:
        return Sureness(value).name.lower()


class ProposedSpeakerSerializer(serializers.Serializer):
    """Who the report says spoke: a person on record, a person it names who is not on
    record yet (`new`), or an unnamed speaker as it describes them."""

    person = SlugOf(read_only=True, allow_null=True, help_text="the slug of the person on record; null when none")
    name = serializers.CharField(
        source="typed",
        read_only=True,
        help_text="the person's name on record, or the name the report gives a person not on record; empty for an "
        "unnamed speaker (see description)",
    )
    new = serializers.SerializerMethodField(help_text="true when the report names a person who is not on record")
    description = serializers.CharField(
        read_only=True, help_text='an unnamed speaker as the report describes them ("a Ukrainian official")'
    )
    sureness = SurenessField(read_only=True, help_text=SURENESS_HELP)
    sureness_label = serializers.CharField(source="sureness.label", read_only=True, help_text="the sureness in words")
    suggestions = SlugOf(
        many=True,
        read_only=True,
        help_text="the slugs of the people on record the name could be (a close spelling, or several who fit)",
    )

    def get_new(self, speaker: Speaker) -> bool:
        return speaker.person is None and bool(speaker.new_name)


class ProposalSerializer(serializers.Serializer):
    """A statement the report gives, as a draft would take it (POST statements/)."""

    words = serializers.CharField(read_only=True, help_text="what was said, as the report gives it")
    kind = serializers.ChoiceField(
        choices=StatementKind.choices, read_only=True, help_text="`quote` (in quote marks) or `paraphrase`"
    )
    speaker = ProposedSpeakerSerializer(read_only=True)
    party = SlugOf(
        source="speaker.party",
        read_only=True,
        allow_null=True,
        help_text="the slug of the party they spoke for: their delegation's at the round, or the one an unnamed "
        "speaker's description names; null when not known",
    )
    title = serializers.CharField(read_only=True, help_text="their title in the round's delegation; empty when none")
    date = serializers.DateField(
        read_only=True,
        help_text="the day it was said, or the first day of its week or month (see date_precision): from the "
        "words of the attribution, else the report's day, else the round's last day",
    )
    date_precision = serializers.ChoiceField(source="precision", choices=DatePrecision.choices, read_only=True)
    date_words = serializers.CharField(
        read_only=True, help_text='the words the date was read from ("on Tuesday"); empty when none'
    )
    date_warning = serializers.CharField(
        read_only=True,
        allow_null=True,
        help_text="why a draft with this date would need `confirm_date` (more than 30 days from the round); "
        "null when it would not",
    )
    medium = serializers.ChoiceField(choices=Statement.Medium.choices, read_only=True, help_text="how it was said")
    medium_words = serializers.CharField(
        read_only=True, help_text='the words that say how ("told reporters"); empty when none'
    )
    issues = SlugOf(
        many=True,
        read_only=True,
        help_text="the slugs of the agenda issues of the round's process it may concern, the likeliest first",
    )
    language = serializers.CharField(read_only=True, help_text="the words' language, as a code: en, ru, uk")
    text_is_translation = serializers.BooleanField(
        source="translated",
        read_only=True,
        help_text="true when the words are in English but the speaker mostly speaks another language on record",
    )
    on_record = UUIDOf(
        read_only=True,
        allow_null=True,
        help_text="the UUID of a statement already recorded with these words (a draft or published); null when none",
    )


class ReportAsReadSerializer(serializers.Serializer):
    """The report as negotrack read it: what the editor sent, else what the text says of itself."""

    outlet = serializers.CharField(source="body.outlet", read_only=True, help_text="empty when not known")
    title = serializers.CharField(source="body.title", read_only=True, help_text="empty when not known")
    url = serializers.CharField(source="body.url", read_only=True, help_text="empty when not known")
    published_on = serializers.DateField(
        source="body.published_on", read_only=True, allow_null=True, help_text="null when not known"
    )
    source = UUIDOf(  # type: ignore[assignment]  # a declared field, not Field.source
        read_only=True,
        allow_null=True,
        help_text="the UUID of the source on record with this URL, to cite; null when none",
    )


class ProposalsSerializer(serializers.Serializer):
    """What a report proposes; nothing of it is saved."""

    report = ReportAsReadSerializer(source="*", read_only=True)
    statements = ProposalSerializer(
        many=True,
        read_only=True,
        help_text="the statements the report gives, the least sure speakers first and those already on record last",
    )
