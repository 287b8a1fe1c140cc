"""Expiry of the changes feed: the oldest changes go, and the horizon records how far, so
that a cursor from before it answers 410."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from negotrack.changes.cursor import FeedCursor, SnapshotXmin
from negotrack.models import Change, ChangeLogHorizon

# The newest public changes, kept however old they are: a quiet record keeps the end of
# its feed, and the newest settled change, which the conditional reads' validators count
# (negotrack.conditional), is never pruned.
KEEP_NEWEST = 1000


def prune_changes(*, older_than: datetime.timedelta, keep_newest: int = KEEP_NEWEST) -> int:
    """Delete the oldest changes, a prefix of the feed, and record how far: a cursor from
    before it answers 410.

    What stays: every change younger than `older_than`; everything from the `keep_newest`
    newest public changes by id on, so all of it while there are fewer (pruning must not
    move the conditional reads' ETags, which count the newest settled change, of the
    public changes alone or of all, and the changes after it); and everything from the
    first position that is not settled yet. Returns the number of rows deleted.
    """
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        # One pruner at a time: the horizon only moves forward.
        horizon, _ = ChangeLogHorizon.objects.select_for_update().get_or_create(
            pk=1, defaults={"txid": 0, "change_id": 0, "pruned_at": timezone.now()}
        )
        newest_public = Change.objects.public().order_by("-id").values_list("id", flat=True)
        floor = newest_public[keep_newest - 1 : keep_newest].first()
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
        keep_from = min(FeedCursor(txid, change_id), FeedCursor(xmin, 0))
        doomed = Change.objects.filter(keep_from.before())
        last = doomed.order_by("-txid", "-id").values_list("txid", "id").first()
        if last is None:
            return 0
        deleted, _ = doomed.delete()
        horizon.txid, horizon.change_id = last
        horizon.pruned_at = timezone.now()
        horizon.save()
    return deleted
