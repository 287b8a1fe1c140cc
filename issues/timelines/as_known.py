"""Timelines as they stood (negotrack.as_known): a timeline is derived from the record, so a
read of the record as it stood builds the timelines it shows from the record as it stood,
as a rebuild would have built them then, into temporary stand-ins of the timeline tables."""

from __future__ import annotations

from collections.abc import Iterable

from issues.models import TimelineEntry, TimelineState
from issues.timelines import builder
from issues.timelines.rebuild import insert_entries
from negotrack import as_known


def show_timelines(issue_ids: Iterable[int]) -> None:
    """Build the timelines of these issues as they stood, once a request, before a read of
    them; nothing for a read of the record as it is."""
    moment = as_known.known_on()
    if moment is None:
        return
    wanted = set(issue_ids)
    ids = wanted - set(TimelineState.objects.filter(issue_id__in=wanted).values_list("pk", flat=True))
    if not ids:
        return
    inputs = builder.load_many(ids)
    # The entries go in by COPY on PostgreSQL, which names the table where Django does not look.
    as_known.make_stand_in(TimelineEntry)
    insert_entries((issue_id, builder.build(inputs[issue_id])) for issue_id in sorted(inputs))
    TimelineState.objects.bulk_create(
        TimelineState(issue_id=issue_id, generation=1, built_generation=1, built_at=moment,
                      fingerprint=builder.fingerprint(inputs[issue_id]))
        for issue_id in sorted(inputs)
    )  # fmt: skip


def register() -> None:
    as_known.derived_table(TimelineEntry)
    as_known.derived_table(TimelineState)
