"""An issue's timeline in TimelineJS's data format (`?format=timelinejs`), which the embed
page shows and which newsrooms can load into TimelineJS as it is.

The format is TimelineJS 3's JSON (timeline.knightlab.com/docs/json-format.html): a
`title` slide and `events`, each with a `start_date` as precise as the entry's date (a
month's entry has no day), a `text` with its `headline`, a `group` (the kind of entry) and
a `unique_id` (the entry's key, as TimelineJS would slug it).

TimelineJS renders `headline` and `text` as HTML. It sanitizes them in the browser, but
other readers of the format may not: every text from the record is escaped here, and a
source's URL becomes a link only when it is http or https.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request

from issues.models import Issue, TimelineEntry
from issues.timelines.builder import EntryKind
from negotrack import as_known
from rounds.dates import DatePrecision, format_reported_date

# The row of the timeline's navigation each kind of entry is drawn on, and its label there.
GROUPS = {
    EntryKind.STATUS_CHANGE: "Status",
    EntryKind.POSITION_CHANGE: "Positions",
    EntryKind.AGREEMENT: "Agreements",
    EntryKind.STATEMENT: "Statements",
    EntryKind.CORRECTION: "Corrections",
}
LINKED_SCHEMES = ("http", "https")


class TimelineJSRenderer(JSONRenderer):
    """`?format=timelinejs`: plain JSON, which the view shapes as TimelineJS reads it."""

    format = "timelinejs"


def wants_timelinejs(request: Request) -> bool:
    return isinstance(getattr(request, "accepted_renderer", None), TimelineJSRenderer)


# --- the format, as serializers: they document it in the schema -----------------------------------


class TimelineJSDateSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    month = serializers.IntegerField(
        required=False, min_value=1, max_value=12, help_text="left out when the date is known to the year only"
    )
    day = serializers.IntegerField(
        required=False, min_value=1, max_value=31, help_text="left out when the date is known to the month only"
    )
    display_date = serializers.CharField(
        help_text="the date as the site writes it, its precision included (`week of 16 Feb 2026`)"
    )


class TimelineJSTextSerializer(serializers.Serializer):
    headline = serializers.CharField(help_text="HTML: the entry's title, escaped")
    text = serializers.CharField(
        help_text="HTML: the entry's text, its round and its sources (http and https URLs as links), all escaped"
    )


class TimelineJSEventSerializer(serializers.Serializer):
    start_date = TimelineJSDateSerializer()
    text = TimelineJSTextSerializer()
    group = serializers.ChoiceField(
        choices=[(label, label) for label in GROUPS.values()], help_text="the kind of entry, one row of the navigation"
    )
    unique_id = serializers.CharField(help_text="the entry's key, as TimelineJS slugs it: `statement-{uuid}`")
    autolink = serializers.BooleanField(help_text="false: the links are made here, not guessed from the text")


class TimelineJSTitleSerializer(serializers.Serializer):
    text = TimelineJSTextSerializer()
    unique_id = serializers.CharField(help_text="`issue-{slug}`")


class TimelineJSSerializer(serializers.Serializer):
    title = TimelineJSTitleSerializer(help_text="the agenda issue, with a link to its page")
    events = TimelineJSEventSerializer(many=True, help_text="the timeline's entries, oldest first")
    scale = serializers.ChoiceField(choices=[("human", "human")])


# --- the document ---------------------------------------------------------------------------------


def timelinejs_document(
    issue: Issue, entries: Iterable[TimelineEntry], *, is_current: bool, request: Request
) -> dict[str, Any]:
    """The issue's timeline as TimelineJS reads it. `entries` come with their round. Built
    as JSON already, in the shape the serializers above describe to the schema: not run
    through them, which would cost a nested serializer per entry for the same answer."""
    return {
        "title": title_slide(issue, is_current=is_current, request=request),
        "events": [event(entry, request=request) for entry in entries],
        "scale": "human",
    }


def title_slide(issue: Issue, *, is_current: bool, request: Request) -> dict[str, Any]:
    page = request.build_absolute_uri(as_known.keep_moment(reverse("pages:issue", args=[issue.slug])))
    parts = [linebreaks(issue.description, autoescape=True)] if issue.description.strip() else []
    if not is_current:
        parts.append("<p>This timeline is being brought up to date: the latest changes may be missing.</p>")
    parts.append(format_html('<p><a href="{}">{} on negotrack</a>, with every source.</p>', page, issue.name))
    return {"text": {"headline": escape(issue.name), "text": "\n".join(parts)}, "unique_id": f"issue-{issue.slug}"}


def event(entry: TimelineEntry, *, request: Request) -> dict[str, Any]:
    return {
        "start_date": start_date(entry),
        "text": {"headline": escape(entry.title), "text": event_text(entry, request=request)},
        "group": GROUPS[entry.kind],
        # What TimelineJS would make of the key ("statement:…" → "statement-…"), so it keeps it.
        "unique_id": entry.key.replace("_", "-").replace(":", "-"),
        "autolink": False,
    }


def start_date(entry: TimelineEntry) -> dict[str, Any]:
    """The date's parts down to its precision: a week's entry falls on its Monday, and
    `display_date` says it was a week."""
    parts: dict[str, Any] = {"year": entry.date.year, "month": entry.date.month}
    if entry.date_precision != DatePrecision.MONTH:
        parts["day"] = entry.date.day
    parts["display_date"] = format_reported_date(entry.date, entry.date_precision)
    return parts


def event_text(entry: TimelineEntry, *, request: Request) -> str:
    parts = [linebreaks(entry.text, autoescape=True)] if entry.text.strip() else []
    if entry.kind == EntryKind.POSITION_CHANGE and entry.before:
        parts.append(format_html("<p>Before: {}</p>", entry.before))
    if entry.round is not None:
        page = request.build_absolute_uri(as_known.keep_moment(reverse("pages:round", args=[entry.round.slug])))
        parts.append(format_html('<p>Round: <a href="{}">{}</a></p>', page, str(entry.round)))
    if entry.sources:
        parts.append(format_html("<p>Sources: {}</p>", sources_html(entry.sources)))
    return "\n".join(parts)


def sources_html(sources: Iterable[Mapping[str, str]]) -> SafeString:
    """Each source by its outlet and title, a link when its URL is one a reader can follow."""
    cited = []
    for source in sources:
        label = source["outlet"] + (f": {source['title']}" if source["title"] else "")
        url = source["url"].strip()
        if followable(url):
            cited.append(format_html('<a href="{}">{}</a>', url, label))
        else:
            cited.append(escape(label))
    return format_html_join("; ", "{}", ((part,) for part in cited))


def followable(url: str) -> bool:
    """An absolute http or https URL: never `javascript:`, `data:` or a path on our own site."""
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced "[" in the host, say
        return False
    return parts.scheme.lower() in LINKED_SCHEMES and bool(parts.netloc)
