"""Atom feeds for analysts: new statements and status changes, per process and per agenda issue.

Built from the public record alone: published records, and withdrawn or superseded ones as
correction notices. An entry keeps its record's UUID as its id, so a reader that already
holds an entry sees it turn into its notice when the record is withdrawn or corrected.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from issues.models import Issue, IssueStatus, PublicationState, Publishable, Statement
from issues.queries import published_before
from issues.vocabulary import AssessmentStatus, compare
from negotrack import as_known
from rounds.dates import format_reported_date
from rounds.models import Process, Source

LATEST = 50
SOURCES = Prefetch("sources", Source.objects.select_related("via").order_by("id"))


# --- pieces every entry shares ---------------------------------------------------------------


def paragraphs(text: str) -> SafeString:
    if not text.strip():
        return mark_safe("")
    # linebreaks() escapes the text but returns a plain str, which format_html would escape again.
    return mark_safe(linebreaks(text, autoescape=True))


def notice_title(record: Publishable, title: str) -> str:
    """The entry title, headed by the correction notice of a withdrawn or superseded record."""
    if record.state == PublicationState.WITHDRAWN:
        return f"Withdrawn on {format_reported_date(record.withdrawn_on)}: {title}"
    if record.state == PublicationState.SUPERSEDED:
        return f"Corrected on {format_reported_date(record.notice_on)}: {title}"
    return title


def notice_html(record: Publishable) -> SafeString:
    if record.state == PublicationState.WITHDRAWN:
        on = format_reported_date(record.withdrawn_on)
        return format_html("<p><strong>Withdrawn on {}:</strong> {}</p>", on, record.correction_note)
    if record.state == PublicationState.SUPERSEDED:
        return mark_safe("<p><strong>Corrected:</strong> a correction replaced this record.</p>")
    return mark_safe("")


def sources_html(sources: QuerySet[Source]) -> SafeString:
    if not sources:
        return mark_safe("")
    return format_html(
        "<p>Sources:</p><ul>{}</ul>",
        format_html_join("", "<li>{}</li>", ((source_html(source),) for source in sources)),
    )


def source_html(source: Source) -> SafeString:
    label = source.outlet + (f": {source.title}" if source.title else "")
    if source.via is not None:
        label += f" (via {source.via.outlet})"
    if not source.url:
        return format_html("{}", label)
    return format_html('{} <a href="{}">{}</a>', label, source.url, source.url)


class AtomFeed(Feed):
    """What the four feeds share: Atom, ids from record UUIDs, and no caching on the way."""

    feed_type = Atom1Feed
    author_name = "negotrack"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response

    def get_feed(self, obj: Any, request: HttpRequest) -> SyndicationFeed:
        feed = super().get_feed(obj, request)
        # The feed's own URL as its id: a process's statement and status feeds share a page.
        feed.feed["id"] = feed.feed["feed_url"]
        # Read as the record stood (`as_known_on`), its links show the record at that moment
        # (its id stays the feed's own).
        feed.feed["link"] = as_known.keep_moment(feed.feed["link"])
        feed.feed["feed_url"] = as_known.keep_moment(feed.feed["feed_url"])
        for item in feed.items:
            item["link"] = as_known.keep_moment(item["link"])
        return feed

    def item_guid(self, record: Publishable) -> str:
        return f"urn:uuid:{record.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, record: Publishable) -> datetime.datetime | None:
        return record.published_at

    def item_updateddate(self, record: Publishable) -> datetime.datetime:
        return record.updated_at


# --- statements ------------------------------------------------------------------------------


class StatementFeed(AtomFeed):
    def statements(self, obj: Any) -> QuerySet[Statement]:
        raise NotImplementedError

    def items(self, obj: Any) -> QuerySet[Statement]:
        # The latest changes to the public record first: a statement withdrawn today comes
        # up top as its notice, however long ago it was published.
        return (
            self.statements(obj)
            .public()  # type: ignore[attr-defined]  # the records' PublishableQuerySet
            .select_related("process", "round", "speaker", "party")
            .prefetch_related(SOURCES)
            .order_by("-updated_at", "-id")[:LATEST]
        )

    def item_title(self, statement: Statement) -> str:
        party = f" ({statement.party.name})" if statement.party is not None else ""
        if statement.state != PublicationState.PUBLISHED:
            # Withdrawn or corrected: who spoke stays, the words go.
            return notice_title(statement, f"{statement.speaker_label}{party}")
        text = Truncator(" ".join(statement.text.split())).chars(80)
        return f"{statement.speaker_label}{party}: {text}"

    def item_description(self, statement: Statement) -> str:
        said = [f"Reported date: {format_reported_date(statement.date, statement.date_precision)}"]
        if statement.round_id:
            said.append(f"Round: {statement.round}")
        if statement.state != PublicationState.PUBLISHED:
            return format_html("{}<p>{}</p>", notice_html(statement), " · ".join(said))
        translation = ""
        if statement.translation:
            translation = format_html("<p>Translation:</p>{}", paragraphs(statement.translation))
        return format_html(
            "{}{}<p>{}</p>{}",
            paragraphs(statement.text),
            translation,
            " · ".join(said),
            sources_html(statement.sources.all()),
        )

    def item_link(self, statement: Statement) -> str:
        if statement.round is not None:
            return reverse("pages:round", args=[statement.round.slug])
        return reverse("pages:process", args=[statement.process.slug])


class ProcessStatementFeed(StatementFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Process:
        return Process.objects.get(slug=slug)

    def statements(self, process: Process) -> QuerySet[Statement]:
        return Statement.objects.filter(process=process)

    def title(self, process: Process) -> str:
        return f"Statements: {process.name}"

    def subtitle(self, process: Process) -> str:
        return f"What was said in {process.name}, with corrections, from negotrack's public record."

    def link(self, process: Process) -> str:
        return reverse("pages:process", args=[process.slug])


class IssueStatementFeed(StatementFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Issue:
        return Issue.objects.select_related("process").get(slug=slug)

    def statements(self, issue: Issue) -> QuerySet[Statement]:
        return Statement.objects.filter(issue_links__issue=issue)

    def title(self, issue: Issue) -> str:
        return f"Statements on {issue.name} ({issue.process})"

    def subtitle(self, issue: Issue) -> str:
        return f"What was said on {issue.name}, with corrections, from negotrack's public record."

    def link(self, issue: Issue) -> str:
        return reverse("pages:issue", args=[issue.slug])


# --- status changes --------------------------------------------------------------------------


class StatusFeed(AtomFeed):
    def statuses(self, obj: Any) -> QuerySet[IssueStatus]:
        raise NotImplementedError

    def items(self, obj: Any) -> QuerySet[IssueStatus]:
        return (
            self.statuses(obj)
            .public()  # type: ignore[attr-defined]  # the records' PublishableQuerySet
            .select_related("issue", "round")
            .prefetch_related(SOURCES)
            .annotate(previous_status=published_before("effective_date"))
            .order_by("-updated_at", "-id")[:LATEST]
        )

    def item_title(self, status: IssueStatus) -> str:
        label = AssessmentStatus(status.status).label
        previous = status.previous_status  # type: ignore[attr-defined]  # annotated by items()
        movement = compare(previous, status.status)
        if movement == "new":
            change = "first assessment"
        elif movement == "unchanged":
            change = "unchanged"
        else:
            change = f"{movement}, was {AssessmentStatus(previous).label}"
        return notice_title(status, f"{status.issue.name}: {label} ({change})")

    def item_description(self, status: IssueStatus) -> str:
        if status.round_id:
            when = f"Round: {status.round}"
        else:
            when = f"As of {format_reported_date(status.date, status.date_precision)}"
        return format_html(
            "{}{}<p>{}</p>{}",
            notice_html(status),
            paragraphs(status.summary),
            when,
            sources_html(status.sources.all()),
        )

    def item_link(self, status: IssueStatus) -> str:
        if status.round is not None:
            return reverse("pages:round", args=[status.round.slug])
        return reverse("pages:issue", args=[status.issue.slug])


class ProcessStatusFeed(StatusFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Process:
        return Process.objects.get(slug=slug)

    def statuses(self, process: Process) -> QuerySet[IssueStatus]:
        return IssueStatus.objects.filter(issue__process=process)

    def title(self, process: Process) -> str:
        return f"Status changes: {process.name}"

    def subtitle(self, process: Process) -> str:
        return f"Where each agenda issue of {process.name} stands after each assessment, with corrections."

    def link(self, process: Process) -> str:
        return reverse("pages:process", args=[process.slug])


class IssueStatusFeed(StatusFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Issue:
        return Issue.objects.select_related("process").get(slug=slug)

    def statuses(self, issue: Issue) -> QuerySet[IssueStatus]:
        return IssueStatus.objects.filter(issue=issue)

    def title(self, issue: Issue) -> str:
        return f"Status changes: {issue.name} ({issue.process})"

    def subtitle(self, issue: Issue) -> str:
        return f"Where {issue.name} stands after each assessment, with corrections."

    def link(self, issue: Issue) -> str:
        return reverse("pages:issue", args=[issue.slug])
