"""The status vocabulary of agenda issues: its order, from worst to best, and what each word means.

This is the one place that defines it; models, forms, the admin and the API read it here.
"""

from django.db import models


class AssessmentStatus(models.TextChoices):
    COLLAPSED = "collapsed", "collapsed"
    DEADLOCKED = "deadlocked", "deadlocked"
    STALLED = "stalled", "stalled"
    NOT_DISCUSSED = "not_discussed", "not discussed"
    RAISED = "raised", "raised"
    DISCUSSED = "discussed", "discussed"
    PROGRESS = "progress", "progress"
    NEAR_AGREEMENT = "near_agreement", "near agreement"
    AGREED = "agreed", "agreed"
    IMPLEMENTED = "implemented", "implemented"

    @property
    def rank(self) -> int:
        """Position in the order from worst (0) to best; comparisons use it."""
        return _ORDER.index(self)

    @property
    def definition(self) -> str:
        return DEFINITIONS[self]


_ORDER = list(AssessmentStatus)

DEFINITIONS = {
    AssessmentStatus.COLLAPSED: "Talks on the issue broke down, or a deal on it was repudiated.",
    AssessmentStatus.DEADLOCKED: "Discussed, with positions that remain opposed and no movement.",
    AssessmentStatus.STALLED: "On the table but unresolved, with no progress reported.",
    AssessmentStatus.NOT_DISCUSSED: "Not taken up in the talks (the state before any assessment).",
    AssessmentStatus.RAISED: "Put on the agenda or proposed by a party, not yet negotiated.",
    AssessmentStatus.DISCUSSED: "Negotiated, with no outcome reported either way.",
    AssessmentStatus.PROGRESS: "Negotiated, with movement toward a common position reported.",
    AssessmentStatus.NEAR_AGREEMENT: "Most of it settled; a few points remain open.",
    AssessmentStatus.AGREED: "The parties announced an agreement on it.",
    AssessmentStatus.IMPLEMENTED: "What was agreed has been carried out.",
}

assert set(DEFINITIONS) == set(AssessmentStatus), "every status needs its definition"


def compare(previous: str | None, current: str) -> str:
    """How an assessment moved from the issue's previous one: new, improved, worse or unchanged."""
    if previous is None:
        return "new"
    before, after = AssessmentStatus(previous).rank, AssessmentStatus(current).rank
    if after > before:
        return "improved"
    if after < before:
        return "worse"
    return "unchanged"
