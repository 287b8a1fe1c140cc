"""A position in the changes feed, and which changes have settled (no transaction before
them is still open), so that a cursor never skips a change that commits late."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models.expressions import RawSQL

from negotrack.models import Change, ChangeLogHorizon, ChangeQuerySet

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler


class SnapshotXmin(models.Func):
    """The oldest transaction still running when the statement took its snapshot: every
    change below it has committed (or never will). SQLite: any txid (all are 0)."""

    output_field = models.BigIntegerField()

    def as_sql(  # type: ignore[override]  # Django's other arguments are not needed here
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return "9223372036854775807", []

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        return "pg_snapshot_xmin(pg_current_snapshot())::text::bigint", []


@dataclass(frozen=True, order=True)
class FeedCursor:
    txid: int
    change_id: int

    PATTERN = r"^([0-9]{1,19})\.([0-9]{1,19})$"
    _FORMAT = re.compile(PATTERN)

    def __str__(self) -> str:
        return f"{self.txid}.{self.change_id}"

    @classmethod
    def parse(cls, text: str) -> FeedCursor:
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


START = FeedCursor(0, 0)


def settled_changes(*, drafts: bool) -> ChangeQuerySet:
    """Rows whose position can be shown: no transaction before them is still open, and
    only changes to the public record unless the reader asked for drafts. The bound is
    computed in the statement that uses it, from that statement's snapshot."""
    changes = Change.objects.filter(txid__lt=SnapshotXmin())
    return changes if drafts else changes.public()


def unsettled_changes(*, drafts: bool) -> ChangeQuerySet:
    """Changes that have committed but whose position cannot be shown yet: a transaction
    before them is still open. Usually none, or the handful committed since the oldest open
    transaction began."""
    changes = Change.objects.filter(txid__gte=SnapshotXmin())
    return changes if drafts else changes.public()


def newest_settled_position(*, drafts: bool) -> FeedCursor | None:
    """The last position the reader's feed can show. Settled changes are every change
    before a bound that only moves forward, so a new one always lands after it: the
    position moves exactly when the feed has something new, and a draft never moves the
    public feed's."""
    row = settled_changes(drafts=drafts).order_by("-txid", "-id").values_list("txid", "id").first()
    return FeedCursor(*row) if row else None


def pruned_through() -> FeedCursor | None:
    row = ChangeLogHorizon.objects.filter(pk=1).values_list("txid", "change_id").first()
    # The row is made by the first prune, at the start, even when it removes nothing.
    return FeedCursor(*row) if row and FeedCursor(*row) != START else None
