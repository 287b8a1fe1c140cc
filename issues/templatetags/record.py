"""Template helpers of the analysts' pages: statuses with their word and colour, reported
dates with their precision, and how an assessment moved."""

from django import template

from issues.vocabulary import AssessmentStatus, compare
from rounds.dates import format_reported_date

register = template.Library()

# Each move has a symbol as well as a word, so that colour is never the only cue.
MOVES = {
    "new": ("●", "new"),
    "improved": ("▲", "improved"),
    "worse": ("▼", "worse"),
    "unchanged": ("＝", "unchanged"),
}


@register.inclusion_tag("pages/_status.html")
def status(value, *, short=False):
    """A status as a coloured badge that carries its word, and its definition as a tooltip."""
    if not value:
        return {"status": None}
    word = AssessmentStatus(value)
    return {"status": word, "label": word.label, "definition": word.definition, "short": short}


@register.inclusion_tag("pages/_move.html")
def move(previous, current):
    """How an assessment moved from the issue's previous one, as a symbol and a word."""
    if not current:
        return {"move": None}
    name = compare(previous or None, current)
    symbol, word = MOVES[name]
    before = AssessmentStatus(previous).label if previous else ""
    return {"move": name, "symbol": symbol, "word": word, "before": before}


@register.filter
def reported(value, precision="day"):
    """A reported date as reported: "17 Feb 2026", "week of 16 Feb 2026", "February 2026"."""
    return format_reported_date(value, precision or "day")


@register.simple_tag
def statuses_in_order():
    """The vocabulary from best to worst, for legends."""
    return [(word, word.label, word.definition) for word in reversed(AssessmentStatus)]
