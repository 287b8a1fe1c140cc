"""Template helpers of the analysts' pages: statuses with their word and colour, how an
assessment moved, reported dates with their precision, sources and correction notices.

Simple tags that build their HTML with `format_html` (which escapes every value), not
inclusion tags: a long page shows hundreds of them, and a template render each is slow.
"""

import datetime
import functools
from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from issues.models import PublicationState, Publishable
from issues.vocabulary import AssessmentStatus, compare
from negotrack import as_known
from rounds.dates import format_reported_date
from rounds.models import Source

register = template.Library()

# Each move has a symbol as well as a word, so that colour is never the only cue.
MOVES = {
    "new": ("●", "new"),
    "improved": ("▲", "improved"),
    "worse": ("▼", "worse"),
    "unchanged": ("=", "unchanged"),
}


@functools.lru_cache(maxsize=8192)
def _page_url(prefix: str, name: str, slug: str) -> str:
    return reverse(f"pages:{name}", args=[slug])


@register.simple_tag
def page_url(name: str, slug: str) -> str:
    """`{% url "pages:<name>" slug %}`, remembered: a long page links hundreds of records,
    and the addresses never change while the site runs."""
    return _page_url(get_script_prefix(), name, slug)


@register.simple_tag
def status(value: str | None) -> SafeString:
    """A status as a coloured badge that carries its word, its definition as a tooltip."""
    if not value:
        return mark_safe('<span class="status status-none">not assessed</span>')
    word = AssessmentStatus(value)
    return format_html('<span class="status status-{}" title="{}">{}</span>', word.value, word.definition, word.label)


@register.simple_tag
def move(previous: str | None, current: str | None) -> str:
    """How an assessment moved from the issue's previous one, as a symbol and a word."""
    if not current:
        return ""
    name = compare(previous or None, current)
    symbol, word = MOVES[name]
    was = ""
    if previous and name != "unchanged":
        was = format_html(' <span class="move-from">(was {})</span>', AssessmentStatus(previous).label)
    return format_html(
        '<span class="move move-{}"><span aria-hidden="true">{}</span> {}{}</span>', name, symbol, word, was
    )


@register.filter
def number(value: Any) -> Any:
    """A figure or a count as English writes it, "1,000", whatever the locale: the pages'
    own filter, so that the API and the CSV keep their plain numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


@register.filter
def reported(value: datetime.date | None, precision: str | None = "day") -> str:
    """A reported date as reported: "17 Feb 2026", "week of 16 Feb 2026", "February 2026"."""
    return format_reported_date(value, precision or "day")


def _source(source: Source | dict[str, Any]) -> str:
    # Sources come as models on most pages, as plain dicts from a timeline entry.
    read = source.get if isinstance(source, dict) else lambda name: getattr(source, name, None)
    label = read("outlet") or ""
    if read("title"):
        label = f"{label}: {read('title')}"
    when = read("published_on")
    via = read("via")
    tail = format_html(" ({})", format_reported_date(when)) if when else ""
    if via:
        tail = format_html("{}, via {}", tail, via.outlet)
    if read("url"):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>{}', read("url"), label, tail)
    return format_html("{}{}", label, tail)


@register.simple_tag
def sources(cited: Iterable[Source | dict[str, Any]] | None) -> str:
    """The sources a record cites, each linked where it has an address."""
    cited = list(cited or ())
    if not cited:
        return ""
    listed = format_html_join("; ", "{}", ((_source(source),) for source in cited))
    return format_html('<p class="sources">Source{}: {}</p>', "s" if len(cited) > 1 else "", listed)


@register.simple_tag
def notice(record: Publishable) -> str:
    """The correction notice of a withdrawn or superseded record; nothing for any other."""
    if record.state == PublicationState.WITHDRAWN:
        note = format_html(": {}", record.correction_note) if record.correction_note else ""
        on = record.notice_on
        return format_html(
            '<p class="correction"><strong>Withdrawn on {}</strong>{}</p>', format_reported_date(on) if on else "", note
        )
    if record.state == PublicationState.SUPERSEDED:
        on = record.notice_on
        when = f" on {format_reported_date(on)}" if on else ""
        return format_html(
            '<p class="correction"><strong>Corrected{}</strong>: a correction replaced this record.</p>', when
        )
    return ""


@register.simple_tag(takes_context=True)
def changed_since(context: template.Context, record: Publishable) -> str:
    """On a page shown as it stood (negotrack.as_known), a line under a record that was
    corrected, withdrawn or otherwise changed since; nothing on any other page."""
    known = context.get("as_known")
    if not known or not as_known.changed_since(record):
        return ""
    return format_html(
        '<p class="changed-since notice">This {} has changed since then: '
        '<a href="{}">see the record as it is now</a>.</p>',
        record._meta.verbose_name,
        known["now_url"],
    )


@register.simple_tag
def statuses_in_order() -> list[tuple[AssessmentStatus, str, str]]:
    """The vocabulary from best to worst, for legends."""
    return [(word, word.label, word.definition) for word in reversed(AssessmentStatus)]
