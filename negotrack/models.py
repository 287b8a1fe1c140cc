"""The change log: one row for every change to the record, read by the changes feed."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from negotrack.registry import DRAFT

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler


class CurrentTransactionId(models.Func):
    """The id of the transaction that writes the row, as the database's own default.

    On PostgreSQL the changes feed orders by it and exposes a position only once every
    transaction before it has finished (see negotrack.changes). SQLite has one writer at
    a time, so the order of ids is the order of commits there, and the value is 0.
    """

    output_field = models.BigIntegerField()

    def as_sql(  # type: ignore[override]  # Django's other arguments are not needed here
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return "0", []

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return "pg_current_xact_id()::text::bigint", []


class ChangeQuerySet(models.QuerySet["Change"]):
    def public(self) -> ChangeQuerySet:
        """The changes to the public record: what the public changes feed lists and what
        the public validators count.

        A change of a draft (its create, edits, send-back and delete, and a draft
        statement's issue links) is logged with the publication state "draft", and so is
        any other change that waits for a reviewer; publishing it logs a change that is
        public. One rule, so the feed and the validators never disagree about a change.
        """
        return self.exclude(publication_state=DRAFT)


class Change(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", "created"
        UPDATE = "update", "updated"
        DELETE = "delete", "deleted"
        PUBLISH = "publish", "published"
        WITHDRAW = "withdraw", "withdrawn"
        SUPERSEDE = "supersede", "superseded by a correction"
        SEND_BACK = "send_back", "sent back to its editor"
        REBUILD = "rebuild", "timeline rebuilt"
        PROPOSE = "propose", "change proposed for review"
        DISCARD = "discard", "proposed change discarded"

    id = models.BigAutoField(primary_key=True)
    txid = models.BigIntegerField(
        db_default=CurrentTransactionId(),
        editable=False,
        help_text="the writing transaction, filled by the database (0 on SQLite)",
    )
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    record_type = models.CharField(max_length=64, help_text="app_label.model_name of the record")
    record_uuid = models.UUIDField()
    record_version = models.PositiveIntegerField()
    publication_state = models.CharField(
        max_length=16,
        blank=True,
        help_text="for statements, statuses, positions and agreements: the state after the change; "
        "for a statement's issue links: the statement's state; for a change proposed for review "
        "(or discarded): draft",
    )
    changed_fields = models.JSONField(default=list, blank=True)
    refs = models.JSONField(
        default=dict,
        blank=True,
        help_text="natural references that place the record without its UUID, once it is deleted "
        '(a statement–issue link: {"statement": uuid, "issue": slug})',
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["record_type", "record_uuid"], name="change_record_idx"),
            # The changes by position, with what the validators read of them
            # (negotrack.conditional): the newest settled change and the unsettled ones,
            # public or all, come from the index alone, without visiting the table.
            models.Index(
                fields=["txid", "id"],
                include=["publication_state", "occurred_at"],
                name="change_feed_position_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_uuid} {self.action} v{self.record_version}"


class ChangeLogHorizon(models.Model):
    """How far the change log has been pruned: one row, the feed position of the last
    change removed. A feed cursor before it may have missed changes: it answers 410."""

    txid = models.BigIntegerField()
    change_id = models.BigIntegerField()
    pruned_at = models.DateTimeField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="changelog_horizon_single_row")]

    def __str__(self) -> str:
        return f"pruned through {self.txid}.{self.change_id} on {self.pruned_at:%Y-%m-%d}"


class ImportedRecord(models.Model):
    """The version a record had when the last import of a round document left it.

    The hand-edit guard of `import_round` (issues.roundio): every save of a record bumps
    its version, so a record whose version is no longer the one kept here was edited since
    that import, and the next import keeps it as it is unless told to --force. One row per
    record, written at the end of each import for every record of the document it created,
    changed or found as the document has it. Keyed like the change log by type and UUID,
    it needs no foreign key into the apps; the history could not serve, since an import
    that finds a record unchanged writes no history row, yet must remember its version.
    """

    record_type = models.CharField(max_length=64, help_text="app_label.model_name of the record")
    record_uuid = models.UUIDField()
    version = models.PositiveIntegerField(help_text="the record's version right after the import")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record_type", "record_uuid"], name="importedrecord_once_per_record")
        ]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_uuid} v{self.version}, imported {self.imported_at:%Y-%m-%d}"


class PendingRevision(models.Model):
    """An editor's change to a record that published records show, kept apart until a
    reviewer publishes it (DESIGN.md, Publication).

    The record itself stays as the public record shows it; the change waits here as the
    values of the fields it changes, before and after, in the form of Django's JSON
    serializer. Publishing applies the `after` values through the record's save service
    as the reviewer; a revision whose fields changed meanwhile (its `before` no longer
    holds) is stale and can only be discarded. Kept once resolved, for the history.
    """

    class State(models.TextChoices):
        OPEN = "open", "awaiting review"
        PUBLISHED = "published", "published"
        DISCARDED = "discarded", "discarded"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False, verbose_name="UUID")
    record_type = models.CharField(max_length=64, help_text="app_label.model_name of the record")
    record_uuid = models.UUIDField()
    base_version = models.PositiveIntegerField(help_text="the record's version when the change was proposed")
    changed_fields = models.JSONField(default=list)
    before = models.JSONField(default=dict, help_text="the changed fields' values when proposed, serialized")
    after = models.JSONField(default=dict, help_text="the proposed values, serialized")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="why a reviewer discarded it")

    class Meta:
        ordering = ["proposed_at", "id"]
        indexes = [
            models.Index(fields=["record_type", "record_uuid"], name="pendingrevision_record_idx"),
            models.Index(fields=["state", "proposed_at"], name="pendingrevision_queue_idx"),
        ]
        permissions = [("publish_pendingrevision", "Can publish or discard a change awaiting review")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_uuid}: change {self.get_state_display()}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN
