"""How processes, sessions and sources read in the API, how sources are written, and the
fields that name a related record in a write (by slug or by UUID)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Model
from rest_framework import serializers

from negotrack.api_writes import RecordWriteSerializer
from rounds.models import Process, Round, Session, Source

RECORD_FIELDS = ["uuid", "version", "created_at", "updated_at"]

# Descriptions for the schema where the model's help_text says nothing.
RECORD_EXTRA_KWARGS = {
    "uuid": {"help_text": "the record's identity, kept through export and import"},
    "created_at": {"help_text": "when the record was first saved"},
    "updated_at": {"help_text": "when the record was last saved"},
}


class SourceBriefSerializer(serializers.ModelSerializer):
    """A source as it appears inside the records that cite it."""

    via: serializers.SlugRelatedField[Source] = serializers.SlugRelatedField(
        slug_field="uuid",
        read_only=True,
        allow_null=True,
        help_text="UUID of the source through which this one is known, when it is known only second-hand",
    )

    class Meta:
        model = Source
        fields = ["uuid", "outlet", "title", "url", "published_on", "via"]
        extra_kwargs = {**RECORD_EXTRA_KWARGS, "published_on": {"help_text": "the day it was published, if known"}}


class SourceSerializer(SourceBriefSerializer):
    class Meta(SourceBriefSerializer.Meta):
        fields = [*RECORD_FIELDS, "outlet", "title", "url", "published_on", "via"]


class ProcessSerializer(serializers.ModelSerializer):
    class Meta:
        model = Process
        fields = [*RECORD_FIELDS, "slug", "name", "short_name", "description"]
        extra_kwargs = {
            **RECORD_EXTRA_KWARGS,
            "name": {"help_text": "the process's full name (Russia–Ukraine peace talks, US-brokered)"},
            "short_name": {"help_text": "a short label for tables and charts, may be empty"},
            "description": {"help_text": "what the process is, who brokers it"},
        }


class SessionSerializer(serializers.ModelSerializer):
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="slug of the round it belongs to"
    )

    class Meta:
        model = Session
        fields = [*RECORD_FIELDS, "round", "date", "start_time", "end_time", "time_zone", "track", "summary"]
        extra_kwargs = {
            **RECORD_EXTRA_KWARGS,
            "date": {"help_text": "the local day of the sitting"},
            "start_time": {"help_text": "local start time in `time_zone`, if known"},
            "end_time": {"help_text": "local end time in `time_zone`, if known"},
            "track": {"help_text": "the format or working group of the sitting"},
            "summary": {"help_text": "what happened at the sitting"},
        }


# --- writes ------------------------------------------------------------------------------


def slug_ref(model: type[Model], help_text: str, **kwargs: Any) -> serializers.SlugRelatedField[Any]:
    """A related record named by its slug; an unknown slug answers 400 saying so."""
    name = model._meta.verbose_name
    return serializers.SlugRelatedField(
        slug_field="slug",
        queryset=model._default_manager.all(),
        help_text=help_text,
        error_messages={
            "does_not_exist": f"No {name} has the slug “{{value}}”.",
            "invalid": f"Give the {name}'s slug.",
        },
        **kwargs,
    )


class UUIDRelatedField(serializers.SlugRelatedField[Any]):
    """A related record named by its UUID; a malformed or unknown UUID answers 400 saying so."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="uuid", **kwargs)

    def run_validation(self, data: Any = serializers.empty) -> Any:
        # DRF reads "" as null for a related field; a UUID field takes a UUID or null.
        if data == "":
            self.fail("invalid")
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> Any:
        try:
            uuid.UUID(str(data))
        except ValueError:
            self.fail("invalid")
        return super().to_internal_value(data)


def uuid_ref(model: type[Model], help_text: str, **kwargs: Any) -> UUIDRelatedField:
    name = model._meta.verbose_name
    return UUIDRelatedField(
        queryset=model._default_manager.all(),
        help_text=help_text,
        error_messages={
            "does_not_exist": f"No {name} has the UUID {{value}}.",
            "invalid": f"Give the {name}'s UUID.",
        },
        **kwargs,
    )


class SourceWriteSerializer(RecordWriteSerializer):
    via = uuid_ref(
        Source,
        "UUID of the source through which this one is known, when it is known only second-hand",
        required=False,
        allow_null=True,
    )

    class Meta(RecordWriteSerializer.Meta):
        model = Source
        fields = ["version", "outlet", "title", "url", "published_on", "via"]


class ProcessWriteSerializer(RecordWriteSerializer):
    class Meta(RecordWriteSerializer.Meta):
        model = Process
        fields = ["version", "slug", "name", "short_name", "description"]
        extra_kwargs = {
            "slug": {
                "required": False,
                "help_text": "the process's fixed identifier (russia-ukraine), given when it is made: made from "
                "the name when left out, and never changed after (a PUT may leave it out)",
            },
            "name": {"help_text": "the process's full name, unique (Russia–Ukraine peace talks, US-brokered)"},
            "short_name": {"help_text": "a short label for tables and charts, may be empty"},
            "description": {"help_text": "what the process is, who brokers it"},
        }


class RoundWriteSerializer(RecordWriteSerializer):
    """A round's fields; its slug is the services' to make (city and first day, the
    process in front when another process met there that day), never the client's."""

    process = slug_ref(Process, "the slug of the negotiation process")
    sources = uuid_ref(Source, "UUIDs of the sources that report the round", many=True, required=False)

    class Meta(RecordWriteSerializer.Meta):
        model = Round
        fields = [
            "version", "process", "ordinal", "city", "country", "venue", "start_date", "end_date", "format",
            "status", "summary", "outcome", "sources",
        ]  # fmt: skip
        extra_kwargs = {
            "ordinal": {"help_text": "the round's number in its process, if counted; unique in the process"},
            "start_date": {"help_text": "the first day; a scheduled round may lack it (its slug is then "
                           "provisional, fixed once the first day is known)"},
            "end_date": {"help_text": "the last day, if the round lasted more than one"},
        }  # fmt: skip


class SessionWriteSerializer(RecordWriteSerializer):
    round = slug_ref(Round, "the slug of the round it belongs to")

    class Meta(RecordWriteSerializer.Meta):
        model = Session
        fields = ["version", "round", "date", "start_time", "end_time", "time_zone", "track", "summary"]
        extra_kwargs = {
            "date": {"help_text": "the local day of the sitting, within the round's dates"},
            "start_time": {"help_text": "local start time in `time_zone`, if known"},
            "end_time": {"help_text": "local end time in `time_zone`, if known"},
            "time_zone": {"help_text": "IANA name (Europe/Istanbul), needed when a time is given"},
        }
