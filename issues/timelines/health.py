"""The timelines' part of `/healthz`, registered by the issues app (negotrack.registry)."""

from __future__ import annotations

from django.db.models import Count, Min
from django.utils import timezone

from issues.models import TimelineState


def timelines_state() -> dict:
    """How many timelines wait for a rebuild, and for how long the oldest has waited."""
    waiting = TimelineState.objects.filter(marked_since__isnull=False).aggregate(
        count=Count("pk"), oldest=Min("marked_since")
    )
    oldest = waiting["oldest"]
    age = None if oldest is None else round(max((timezone.now() - oldest).total_seconds(), 0.0), 1)
    return {"waiting": waiting["count"], "oldest_waiting_seconds": age}
