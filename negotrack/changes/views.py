"""`/api/v1/changes/`: the changes feed as the API serves it, with its schema."""

from __future__ import annotations

import hashlib

from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from negotrack.api import ConditionalReadMixin, wants_drafts
from negotrack.changes.cursor import FeedCursor, newest_settled_position, pruned_through
from negotrack.changes.feed import CursorExpired, events, read_feed
from negotrack.conditional import Validators
from negotrack.models import Change
from negotrack.pagination import count_asked
from negotrack.registry import feed_names

DEFAULT_LIMIT = 100
MAX_LIMIT = 200

READER_ACTIONS = ["create", "update", "delete"]


class ChangeEventSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="this change's position: pass it as `since` to read what came after")
    occurred_at = serializers.DateTimeField(help_text="when the change was written")
    action = serializers.ChoiceField(
        choices=READER_ACTIONS,
        help_text="the change as you see it. Public: publishing reads as `create`, a correction superseding "
        "a record as `update`, withdrawing as `delete`. Editors with `include=drafts`: every publication "
        "step reads as `update`, and so does a change proposed for review or discarded (the public never "
        "sees those: the record did not change)",
    )
    event = serializers.ChoiceField(
        choices=Change.Action.choices, help_text="the change as the record's history has it"
    )
    type = serializers.ChoiceField(
        choices=feed_names(),
        help_text="the kind of record, named as its API collection; `statement_issue_links` have no "
        "route of their own; `timelines`: an issue's timeline was rebuilt (the UUID "
        "is the issue's, the url its timeline)",
    )
    uuid = serializers.UUIDField(help_text="the record's UUID")
    version = serializers.IntegerField(help_text="the record's version after the change")
    changed_fields = serializers.ListField(child=serializers.CharField(), help_text="the fields that changed")
    refs = serializers.DictField(
        child=serializers.CharField(),
        help_text="natural references for records that a UUID alone cannot place once deleted: a statement's "
        'issue link has {"statement": uuid, "issue": slug}; a rebuilt timeline {"issue": slug}',
    )
    url = serializers.URLField(
        allow_null=True, help_text="the record's API detail; null when it has none or no longer exists"
    )


class ChangesPageSerializer(serializers.Serializer):
    results = ChangeEventSerializer(many=True)
    next = serializers.CharField(
        help_text="the cursor to pass as `since` next time: the last change's, or the `since` you gave "
        "when nothing new has settled"
    )
    has_more = serializers.BooleanField(help_text="more changes are waiting: ask again at once with `next`")


class FeedQuerySerializer(serializers.Serializer):
    since = serializers.CharField(required=False, allow_blank=True)  # an empty one is no cursor either
    limit = serializers.CharField(required=False, allow_blank=True)

    def validate_since(self, value: str) -> FeedCursor:
        try:
            return FeedCursor.parse(value)
        except ValueError:
            raise serializers.ValidationError(
                "This is not a cursor the feed gave out: pass the `next` or a `cursor` of an earlier "
                "answer, or leave `since` out to start from the oldest change kept."
            ) from None

    def validate_limit(self, value: str) -> int:
        return count_asked(value, maximum=MAX_LIMIT)


class ExpiredSerializer(serializers.Serializer):
    detail = serializers.CharField()
    restart = serializers.URLField(help_text="the feed from its oldest kept change: follow it after resyncing")


class InvalidQuerySerializer(serializers.Serializer):
    since = serializers.ListField(child=serializers.CharField(), required=False)
    limit = serializers.ListField(child=serializers.CharField(), required=False)
    include = serializers.ListField(child=serializers.CharField(), required=False)


class ChangesFeedView(ConditionalReadMixin, APIView):
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.
    """

    permission_classes = [AllowAny]
    shows_drafts = True

    def get_read_validators(self, request: Request) -> Validators:
        # The answer depends on which of the reader's changes have settled (the public
        # record's alone, unless drafts) and on how far the log was pruned, not on the
        # newest rows alone; no time stands for that, so ETag only.
        self.drafts = wants_drafts(request)
        renderer_format = getattr(request.accepted_renderer, "format", None) or ""
        parts = [
            str(newest_settled_position(drafts=self.drafts) or ""),
            str(pruned_through() or ""),
            request.build_absolute_uri(),
            renderer_format,
            "drafts" if self.drafts else "public",
        ]
        if renderer_format == "api":
            parts.append(str(request.user.pk or ""))
        digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()
        return Validators(etag=f'W/"{digest}"', last_modified=None)

    @extend_schema(
        operation_id="changes_list",
        parameters=[
            OpenApiParameter(
                "since",
                {"type": "string", "pattern": FeedCursor.PATTERN},
                description="a cursor from an earlier answer (`next`, or an event's `cursor`); left out, the feed "
                "starts at the oldest change kept",
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                description=f"changes per answer: {DEFAULT_LIMIT} when left out, at most {MAX_LIMIT}; any other "
                "value answers 400",
            ),
            OpenApiParameter(
                "include",
                str,
                enum=["drafts"],
                description="`drafts` adds changes to drafts and the review steps, for editors and reviewers only "
                "(anyone else gets the public feed); any other value answers 400",
            ),
        ],
        responses={
            200: ChangesPageSerializer,
            400: OpenApiResponse(
                InvalidQuerySerializer, description="a malformed `since`, a `limit` out of range, or another `include`"
            ),
            410: OpenApiResponse(
                ExpiredSerializer,
                description="the cursor is older than the changes kept: resync from the lists, then follow "
                "`restart` (the feed without `since`)",
            ),
        },
    )
    def get(self, request: Request) -> Response:
        query = FeedQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        drafts = self.drafts  # read with the validators, before the view
        try:
            page = read_feed(
                since=query.validated_data.get("since"),
                limit=query.validated_data.get("limit", DEFAULT_LIMIT),
                drafts=drafts,
            )
        except CursorExpired as expired:
            restart = request.build_absolute_uri(reverse("changes") + ("?include=drafts" if drafts else ""))
            return Response(
                {
                    "detail": f"Changes before {expired.horizon} are no longer kept, so this cursor may have missed "
                    "some. Resync from the lists (statements/, issues/, …), then follow the feed again from "
                    "`restart`, without `since`.",
                    "restart": restart,
                },
                status=status.HTTP_410_GONE,
            )
        answer = {"results": events(page, request, drafts=drafts), "next": str(page.next), "has_more": page.has_more}
        return Response(ChangesPageSerializer(answer).data)
