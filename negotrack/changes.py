"""The changes feed: every change to the record, oldest first, each exactly once, by cursor.

A position in the feed is (txid, id): the writing transaction (filled by the database,
see `Change.txid`) and the change-log row. Transactions commit out of order, so a plain
id could hand a tool a cursor past a change that commits a moment later with a smaller
id. On PostgreSQL the feed shows only rows of transactions below the xmin of the
statement's own snapshot: every transaction before that has finished, so nothing can
later appear before a position once it has been shown. Any transaction still open, here
or elsewhere in the cluster, holds the feed back (never loses a change). SQLite has one
writer at a time: txid is 0 there and the order of ids is the order of commits.

Old rows expire (`prune_changes`); a cursor before the pruned-through position answers
410 and the tool resyncs from the lists.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from negotrack.api import ConditionalReadMixin, wants_drafts
from negotrack.conditional import RECENT_WINDOW, Validators
from negotrack.models import Change, ChangeLogHorizon

DEFAULT_LIMIT = 100
MAX_LIMIT = 200
# The state that the public never sees (issues.models.PublicationState.DRAFT; this layer
# sits below the issues app).
DRAFT = "draft"


class SnapshotXmin(models.Func):
    """The oldest transaction still running when the statement took its snapshot: every
    change below it has committed (or never will). SQLite: any txid (all are 0)."""

    output_field = models.BigIntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        return "9223372036854775807", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return "pg_snapshot_xmin(pg_current_snapshot())::text::bigint", []


@dataclass(frozen=True, order=True)
class Position:
    txid: int
    change_id: int

    _FORMAT = re.compile(r"([0-9]{1,19})\.([0-9]{1,19})")

    def __str__(self) -> str:
        return f"{self.txid}.{self.change_id}"

    @classmethod
    def parse(cls, text: str) -> Position:
        match = cls._FORMAT.fullmatch(text)
        if not match:
            raise ValueError(f"{text!r} is not a feed cursor")
        return cls(int(match[1]), int(match[2]))

    def _compare(self, operator: str) -> RawSQL:
        # A row comparison, which both databases answer from the (txid, id) index.
        return RawSQL(f'("txid", "id") {operator} (%s, %s)', (self.txid, self.change_id), models.BooleanField())

    def after(self) -> RawSQL:
        return self._compare(">")

    def before(self) -> RawSQL:
        return self._compare("<")


START = Position(0, 0)


@dataclass(frozen=True)
class Kind:
    """How the feed names a kind of record, and the API route of its detail, if any."""

    name: str
    route: str | None = None
    lookup: str = "uuid"
    publishable: bool = False
    model: str | None = None  # when the change names a record of another model (a timeline: its issue)
    view: str = "detail"


KINDS = {
    "rounds.source": Kind("sources", "source"),
    "rounds.process": Kind("processes", "process", "slug"),
    "rounds.round": Kind("rounds", "round", "slug"),
    "rounds.session": Kind("sessions", "session"),
    "delegations.party": Kind("parties", "party", "slug"),
    "delegations.person": Kind("people", "person", "slug"),
    "delegations.delegation": Kind("delegations", "delegation"),
    "delegations.membership": Kind("memberships", "membership"),
    "delegations.attendance": Kind("attendances"),
    "issues.issue": Kind("issues", "issue", "slug"),
    "issues.issuestatus": Kind("statuses", "issuestatus", publishable=True),
    "issues.position": Kind("positions", "position", publishable=True),
    "issues.agreement": Kind("agreements", "agreement", publishable=True),
    "issues.statement": Kind("statements", "statement", publishable=True),
    "issues.statementissue": Kind("statement_issue_links"),
    # One event per rebuild that changed an issue's timeline, named by the UUID.
    "issues.timeline": Kind("timelines", "issue", "slug", model="issues.issue", view="timeline"),
}

# How a raw change reads: to the public, publishing makes a record appear and withdrawing
# makes it go; to editors every publication step is a change of a record they already see.
PUBLIC_ACTIONS = {"publish": "create", "supersede": "update", "withdraw": "delete", "rebuild": "update"}
EDITORIAL_ACTIONS = {"publish": "update", "supersede": "update", "withdraw": "update", "send_back": "update",
                     "rebuild": "update"}  # fmt: skip


def settled_changes() -> models.QuerySet:
    """Rows whose position can be shown: no transaction before them is still open. The
    bound is computed in the statement that uses it, from that statement's snapshot."""
    return Change.objects.filter(txid__lt=SnapshotXmin())


def public_changes(changes: models.QuerySet) -> models.QuerySet:
    """Without drafts (and a draft statement's issue links), and without send-backs."""
    return changes.exclude(publication_state=DRAFT).exclude(action=Change.Action.SEND_BACK)


def newest_settled_position() -> Position | None:
    row = settled_changes().order_by("-txid", "-id").values_list("txid", "id").first()
    return Position(*row) if row else None


def pruned_through() -> Position | None:
    row = ChangeLogHorizon.objects.filter(pk=1).values_list("txid", "change_id").first()
    # The row is made by the first prune, at the start, even when it removes nothing.
    return Position(*row) if row and Position(*row) != START else None


class CursorExpired(Exception):
    def __init__(self, horizon: Position):
        self.horizon = horizon


@dataclass
class FeedPage:
    changes: list[Change]
    has_more: bool
    next: Position


def read_feed(*, since: Position | None, limit: int, drafts: bool) -> FeedPage:
    """Up to `limit` changes after `since` (from the oldest kept when None), oldest first.

    Raises CursorExpired when rows after `since` were pruned. The pruned-through position
    is read after the rows, so a prune that commits in between cannot go unnoticed.
    """
    changes = settled_changes()
    if not drafts:
        changes = public_changes(changes)
    if since is not None:
        changes = changes.filter(since.after())
    rows = list(changes.order_by("txid", "id")[: limit + 1])
    if since is not None:
        horizon = pruned_through()
        if horizon is not None and since < horizon:
            raise CursorExpired(horizon)
    page = rows[:limit]
    following = Position(page[-1].txid, page[-1].id) if page else since or START
    return FeedPage(changes=page, has_more=len(rows) > limit, next=following)


def feed_action(change: Change, *, drafts: bool) -> str:
    actions = EDITORIAL_ACTIONS if drafts else PUBLIC_ACTIONS
    return actions.get(change.action, change.action)


def record_urls(changes: list[Change], request, *, drafts: bool) -> dict[tuple[str, object], str]:
    """The API detail of each record on the page that still exists: one query per kind of
    record on the page (slug routes need the slug), never one per change."""
    wanted: dict[str, set] = defaultdict(set)
    for change in changes:
        kind = KINDS.get(change.record_type)
        if kind and kind.route and change.action != Change.Action.DELETE:
            wanted[change.record_type].add(change.record_uuid)
    urls = {}
    for label, uuids in wanted.items():
        kind = KINDS[label]
        model = apps.get_model(kind.model or label)
        suffix = "?include=drafts" if drafts and kind.publishable else ""
        for record_uuid, key in model._base_manager.filter(uuid__in=uuids).values_list("uuid", kind.lookup):
            path = reverse(f"{kind.route}-{kind.view}", kwargs={kind.lookup: key})
            urls[label, record_uuid] = request.build_absolute_uri(path + suffix)
    return urls


def events(page: FeedPage, request, *, drafts: bool) -> list[dict]:
    urls = record_urls(page.changes, request, drafts=drafts)
    return [
        {
            "cursor": str(Position(change.txid, change.id)),
            "occurred_at": change.occurred_at,
            "action": feed_action(change, drafts=drafts),
            "event": change.action,
            "type": KINDS[change.record_type].name if change.record_type in KINDS else change.record_type,
            "uuid": change.record_uuid,
            "version": change.record_version,
            "changed_fields": change.changed_fields,
            "refs": change.refs,
            "url": urls.get((change.record_type, change.record_uuid)),
        }
        for change in page.changes
    ]


# --- expiry ------------------------------------------------------------------------------


def prune_changes(*, older_than: datetime.timedelta, keep_newest: int = RECENT_WINDOW) -> int:
    """Delete the oldest changes, a prefix of the feed, and record how far: a cursor from
    before it answers 410.

    What stays: every change younger than `older_than`, the `keep_newest` newest rows by
    id (the conditional reads hash the newest ids: pruning must not move their ETags) and
    everything from the first position that is not settled yet. Returns the number of
    rows deleted.
    """
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        # One pruner at a time: the horizon only moves forward.
        horizon, _ = ChangeLogHorizon.objects.select_for_update().get_or_create(
            pk=1, defaults={"txid": 0, "change_id": 0, "pruned_at": timezone.now()}
        )
        floor = Change.objects.order_by("-id").values_list("id", flat=True)[keep_newest - 1 : keep_newest].first()
        if floor is None:
            return 0
        # The first position that stays, and the settled bound from the same snapshot:
        # a transaction still open gets a txid at or above it, so it is never deleted.
        first_kept = (
            Change.objects.filter(Q(occurred_at__gte=cutoff) | Q(id__gte=floor) | Q(txid__gte=SnapshotXmin()))
            .annotate(xmin=SnapshotXmin())
            .order_by("txid", "id")
            .values_list("txid", "id", "xmin")
            .first()
        )
        if first_kept is None:  # the newest rows went meanwhile (another database's pruner)
            return 0
        txid, change_id, xmin = first_kept
        keep_from = min(Position(txid, change_id), Position(xmin, 0))
        doomed = Change.objects.filter(keep_from.before())
        last = doomed.order_by("-txid", "-id").values_list("txid", "id").first()
        if last is None:
            return 0
        deleted, _ = doomed.delete()
        horizon.txid, horizon.change_id = last
        horizon.pruned_at = timezone.now()
        horizon.save()
    return deleted


# --- the view ------------------------------------------------------------------------------


READER_ACTIONS = ["create", "update", "delete"]


class ChangeEventSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="this change's position: pass it as `since` to read what came after")
    occurred_at = serializers.DateTimeField(help_text="when the change was written")
    action = serializers.ChoiceField(
        choices=READER_ACTIONS,
        help_text="the change as you see it. Public: publishing reads as `create`, a correction superseding "
        "a record as `update`, withdrawing as `delete`. Editors with `include=drafts`: every publication "
        "step reads as `update`",
    )
    event = serializers.ChoiceField(
        choices=Change.Action.choices, help_text="the change as the record's history has it"
    )
    type = serializers.ChoiceField(
        choices=sorted(kind.name for kind in KINDS.values()),
        help_text="the kind of record, named as its API collection; `statement_issue_links` and "
        "`attendances` have no route of their own; `timelines`: an issue's timeline was rebuilt (the UUID "
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
    since = serializers.CharField(required=False)
    limit = serializers.IntegerField(required=False, min_value=1)

    def validate_since(self, value):
        try:
            return Position.parse(value)
        except ValueError:
            raise serializers.ValidationError(
                "This is not a cursor the feed gave out: pass the `next` or a `cursor` of an earlier "
                "answer, or leave `since` out to start from the oldest change kept."
            ) from None

    def validate_limit(self, value):
        return min(value, MAX_LIMIT)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ExpiredSerializer(serializers.Serializer):
    detail = serializers.CharField()
    restart = serializers.URLField(help_text="the feed from its oldest kept change: follow it after resyncing")


class InvalidQuerySerializer(serializers.Serializer):
    since = serializers.ListField(child=serializers.CharField(), required=False)
    limit = serializers.ListField(child=serializers.CharField(), required=False)


class ChangesFeedView(ConditionalReadMixin, APIView):
    """Every change to the record since a cursor, oldest first, each exactly once.

    Start without `since`, then pass the `next` of each answer as `since`. An answer whose
    `has_more` is true has more waiting; otherwise poll again later with the same `next`.
    A change shows only once every transaction that began before it has finished, so a
    cursor never skips a change that commits late.
    """

    permission_classes = [AllowAny]

    def get_read_validators(self, request) -> Validators:
        # The answer depends on which changes have settled and on how far the log was
        # pruned, not on the newest rows alone; no time stands for that, so ETag only.
        self.drafts = wants_drafts(request)
        renderer_format = getattr(request.accepted_renderer, "format", None) or ""
        parts = [
            str(newest_settled_position() or ""),
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
                str,
                description="a cursor from an earlier answer (`next`, or an event's `cursor`); left out, the feed "
                "starts at the oldest change kept",
            ),
            OpenApiParameter(
                "limit",
                OpenApiTypes.INT,
                description=f"changes per answer, {DEFAULT_LIMIT} by default; more than {MAX_LIMIT} reads as "
                f"{MAX_LIMIT}",
            ),
            OpenApiParameter(
                "include",
                str,
                enum=["drafts"],
                description="`drafts` adds changes to drafts and the review steps, for editors and reviewers only; "
                "ignored for anyone else",
            ),
        ],
        responses={
            200: ChangesPageSerializer,
            400: OpenApiResponse(InvalidQuerySerializer, description="a malformed `since` or `limit`"),
            410: OpenApiResponse(
                ExpiredSerializer,
                description="the cursor is older than the changes kept: resync from the lists, then follow "
                "`restart` (the feed without `since`)",
            ),
        },
    )
    def get(self, request):
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
