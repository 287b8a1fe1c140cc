"""The webhooks API's serializers: a subscription as its owner reads it (the secret only
once, when made or rotated), what a write takes, and each delivery with its attempts."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from issues.models import Issue
from negotrack.api_writes import Text
from rounds.models import Process
from webhooks.models import URL_LENGTH, Attempt, Delivery, EventType, Subscription

EVENTS_HELP = "the events sent: " + "; ".join(f"`{value}`: {label}" for value, label in EventType.choices)


class SubscriptionSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=EventType.choices), help_text=EVENTS_HELP)
    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="only this process's events; null: every process"
    )
    issue: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="only this agenda issue's events; null: every issue",
    )
    state = serializers.ChoiceField(
        choices=Subscription.State.choices,
        read_only=True,
        help_text="`active`, or `failing`: paused after a delivery failed for a day (POST resume/ to go on)",
    )

    class Meta:
        model = Subscription
        fields = ["uuid", "url", "events", "process", "issue", "state", "failing_since", "created_at", "updated_at"]
        read_only_fields = fields


class SubscriptionWithSecretSerializer(SubscriptionSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="the key that signs every delivery (HMAC-SHA256): shown now and never again; keep it",
    )

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "secret"]
        read_only_fields = fields


class SubscriptionWriteSerializer(serializers.Serializer):
    url = Text(
        max_length=URL_LENGTH,
        help_text="an http:// or https:// URL without a user name or password, whose host resolves to public "
        "addresses only (unless WEBHOOKS_ALLOW_PRIVATE_TARGETS)",
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EventType.choices), min_length=1, max_length=10, help_text=EVENTS_HELP
    )
    process: serializers.SlugRelatedField[Process] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Process.objects.all(),
        allow_null=True,
        required=False,
        help_text="a process's slug: only its events (not with `issue`)",
    )
    issue: serializers.SlugRelatedField[Issue] = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Issue.objects.all(),
        allow_null=True,
        required=False,
        help_text="an agenda issue's slug: only its events (not with `process`)",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("process") is not None and attrs.get("issue") is not None:
            raise serializers.ValidationError({"issue": ["Filter by one process or one agenda issue, not both."]})
        return attrs


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attempt
        fields = ["at", "status_code", "duration_ms", "response_excerpt", "error"]
        read_only_fields = fields


class DeliverySerializer(serializers.ModelSerializer):
    event = serializers.UUIDField(source="event_id", read_only=True, help_text="the event's id, as sent")
    type = serializers.ChoiceField(source="event.type", choices=EventType.choices, read_only=True)
    state = serializers.ChoiceField(
        choices=Delivery.State.choices,
        read_only=True,
        help_text="`pending` (waiting, or to be retried at `next_attempt_at`), `delivered` or `failed` (given up)",
    )
    redelivery_of: serializers.SlugRelatedField[Delivery] = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, allow_null=True, help_text="the delivery this one sends again"
    )
    attempt_log = AttemptSerializer(
        source="attempt_set", many=True, read_only=True, help_text="every attempt, newest first"
    )

    class Meta:
        model = Delivery
        fields = ["uuid", "event", "type", "state", "created_at", "attempts", "next_attempt_at", "finished_at",
                  "redelivery_of", "attempt_log"]  # fmt: skip
        read_only_fields = fields
