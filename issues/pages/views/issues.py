"""An agenda issue: where it stands, each party's latest position, its agreements, and its
timeline as the last rebuild made it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from issues.editorial.drafts import page_drafts
from issues.models import Agreement, Issue, IssueStatus, Position, Statement, TimelineEntry, TimelineState
from issues.pages.views.base import cited, crumbs, page, render_page
from issues.pages.views.overview import agreements_for_listing
from issues.timelines.as_known import show_timelines
from issues.timelines.builder import EntryKind
from rounds.dates import span_end
from rounds.models import Round

# Statements shown per round on the timeline; the rest are one link away.
STATEMENTS_PER_GROUP = 3

KIND_LABELS = dict(EntryKind.choices)


def timeline_state(request: HttpRequest, slug: str) -> str:
    """The timeline's currency: clearing a mark logs no change, yet it changes the page."""
    state = TimelineState.objects.filter(issue__slug=slug).values_list("generation", "built_generation").first()
    return "" if state is None else f"{state[0]}:{state[1]}"


def timeline_groups(issue: Issue) -> list[dict[str, Any]]:
    """The entries in order, grouped by the round they belong to (or by a run of entries
    between rounds), with only the newest few statements of each group."""
    # Plain values: an issue of a large record has hundreds of entries.
    entries = (
        TimelineEntry.objects.filter(issue=issue)
        .order_by("position")
        .values(
            "kind", "date", "date_precision", "round_id", "title", "text", "before", "after", "record_uuid", "sources"
        )
    )
    rounds = {talk_round.pk: talk_round for talk_round in Round.objects.filter(process_id=issue.process_id)}
    statements_url = reverse("pages:statements")
    groups: list[dict[str, Any]] = []
    for entry in entries:
        if not groups or groups[-1]["round_id"] != entry["round_id"]:
            groups.append({"round_id": entry["round_id"], "round": rounds.get(entry["round_id"]), "entries": [],
                           "first": entry["date"], "last": entry["date"]})  # fmt: skip
        group = groups[-1]
        group["last"] = max(group["last"], span_end(entry["date"], entry["date_precision"]))
        entry["kind_label"] = KIND_LABELS.get(entry["kind"], entry["kind"])  # type: ignore[misc]  # a plain dict at run time
        group["entries"].append(entry)
    for group in groups:
        statements = [entry for entry in group["entries"] if entry["kind"] == EntryKind.STATEMENT]
        # The newest few statements stay; a short list slices to nothing hidden.
        hidden = {id(entry) for entry in statements[:-STATEMENTS_PER_GROUP]}
        group["entries"] = [entry for entry in group["entries"] if id(entry) not in hidden]
        group["more"] = len(hidden)
        if group["round"]:
            group["more_url"] = f"{statements_url}?issue={issue.slug}&round={group['round'].slug}"
        else:
            group["more_url"] = (
                f"{statements_url}?issue={issue.slug}&date_from={group['first']:%Y-%m-%d}&date_to={group['last']:%Y-%m-%d}"
            )
    return groups


@page(state=timeline_state, drafts=True)
def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(
        Issue.objects.select_related("process", "current_status__round").prefetch_related(
            cited("current_status__sources")
        ),
        slug=slug,
    )
    show_timelines([issue.pk])
    state = TimelineState.objects.filter(issue=issue).first()
    positions = (
        Position.objects.filter(issue=issue, is_current=True)
        .select_related("party", "round")
        .prefetch_related(cited())
        .order_by("party__name")
    )
    agreements = agreements_for_listing(Agreement.objects.public().filter(issues=issue)).order_by(
        "effective_date", "id"
    )
    process_url = reverse("pages:process", args=[issue.process.slug])
    return render_page(
        request,
        "pages/issue_detail.html",
        {
            "issue": issue,
            "positions": positions,
            "agreements": agreements,
            "groups": timeline_groups(issue),
            "timeline_current": bool(state and state.is_current and state.built_at),
            "timeline_built_at": state.built_at if state else None,
            "drafts": page_drafts(
                request,
                {
                    IssueStatus: Q(issue=issue),
                    Position: Q(issue=issue),
                    Agreement: Q(issues=issue),
                    Statement: Q(issue_links__issue=issue),
                },
            ),
            "embed_url": request.build_absolute_uri(reverse("pages:issue-embed", args=[issue.slug])),
            "breadcrumbs": crumbs((issue.process, process_url), (issue, None)),
        },
    )
