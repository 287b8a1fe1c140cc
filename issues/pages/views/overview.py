"""Home, a process with its full matrix, and the indexes of people and parties."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from delegations.models import Party, Person
from issues.models import Agreement, Issue, IssueStatus, Statement
from issues.pages.views.base import cited, crumbs, page, render_page
from issues.pages.views.matrix import matrices
from rounds.models import Process, Round

RECENT_ROUNDS = 5
LATEST_STATEMENTS = 8
LATEST_AGREEMENTS = 5

_Records = TypeVar("_Records", bound=QuerySet[Any])


def held(rounds: Iterable[Round]) -> list[Round]:
    """Rounds that took place or are taking place, in order."""
    today = timezone.localdate()
    return [r for r in rounds if r.start_date and r.start_date <= today and r.status != Round.Status.CANCELLED]


def statements_for_listing(queryset: _Records) -> _Records:
    """Statements with everything their card shows, in a fixed number of queries."""
    return queryset.select_related("round", "speaker", "party").prefetch_related(
        Prefetch("issues", Issue.objects.order_by("sort_order", "name"), to_attr="issue_list"), cited()
    )


def agreements_for_listing(queryset: _Records) -> _Records:
    return queryset.select_related("process", "round").prefetch_related(
        Prefetch("parties", Party.objects.order_by("name"), to_attr="party_list"),
        Prefetch("issues", Issue.objects.order_by("sort_order", "name"), to_attr="issue_list"),
        cited(),
    )


def _by_process(records: Iterable[Any]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for record in records:
        grouped.setdefault(record.process_id, []).append(record)
    return grouped


@page
def home(request: HttpRequest) -> HttpResponse:
    processes = list(Process.objects.order_by("name"))
    rounds = _by_process(Round.objects.chronological())
    issues = _by_process(Issue.objects.order_by("sort_order", "name"))
    taken_place = {process.pk: held(rounds.get(process.pk, [])) for process in processes}
    recent = {pk: in_process[-RECENT_ROUNDS:] for pk, in_process in taken_place.items()}
    grids = matrices(recent, issues)
    overview = []
    for process in processes:
        all_rounds, past = rounds.get(process.pk, []), taken_place[process.pk]
        upcoming = [r for r in all_rounds if r.status == Round.Status.SCHEDULED and r not in past]
        overview.append(
            {
                "process": process,
                "latest": past[-1] if past else None,
                "next": upcoming[0] if upcoming else None,
                "recent": recent[process.pk],
                "rows": grids[process.pk],
                "round_count": len(all_rounds),
            }
        )
    statements = statements_for_listing(Statement.objects.public()).order_by("-date", "-id")[:LATEST_STATEMENTS]
    agreements = agreements_for_listing(Agreement.objects.public()).order_by("-effective_date", "-id")
    return render_page(
        request,
        "pages/home.html",
        {
            "overview": overview,
            "statements": statements,
            "agreements": agreements[:LATEST_AGREEMENTS],
        },
    )


_When = TypeVar("_When")


def start_of_latest_run(assessments: Sequence[tuple[str, _When]]) -> _When | None:
    """Where an issue's current status was first reached: the first of the latest unbroken
    run of assessments at that status ("raised since Abu Dhabi", not since the latest round
    that said so again). `assessments` are (status, when) in effective order; a round that
    did not assess the issue breaks no run, for a status holds until the next assessment.
    None when there is no assessment."""
    if not assessments:
        return None
    current, since = assessments[-1]
    for status, when in reversed(assessments):
        if status != current:
            break
        since = when
    return since


def held_since(issues: Iterable[Issue]) -> dict[int, IssueStatus | None]:
    """Per issue, the published assessment its current status has held since, in one query."""
    runs: dict[int, list[tuple[str, IssueStatus]]] = {issue.pk: [] for issue in issues}
    published = (
        IssueStatus.objects.published()
        .filter(issue__in=list(runs))
        .select_related("round")
        .order_by("issue_id", "effective_date", "id")
    )
    for status in published:
        runs[status.issue_id].append((status.status, status))
    return {pk: start_of_latest_run(run) for pk, run in runs.items()}


@page
def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    process = get_object_or_404(Process, slug=slug)
    rounds = list(Round.objects.filter(process=process).chronological())
    issues = list(Issue.objects.filter(process=process).select_related("current_status__round"))
    since = held_since(issues)
    for issue in issues:
        issue.held_since = since[issue.pk]  # type: ignore[attr-defined]  # read by the template
    rows = matrices({process.pk: rounds}, {process.pk: issues})[process.pk]
    parties = Party.objects.filter(delegations__round__process=process).annotate(
        rounds=Count("delegations", filter=Q(delegations__round__process=process))
    )
    return render_page(
        request,
        "pages/process_detail.html",
        {
            "process": process,
            "rounds": rounds,
            "issues": issues,
            "rows": rows,
            "parties": parties.order_by("name"),
            "breadcrumbs": crumbs((process, None)),
        },
    )


@page
def people_index(request: HttpRequest) -> HttpResponse:
    people = Person.objects.annotate(rounds=Count("memberships", distinct=True)).order_by("name")
    return render_page(
        request, "pages/people_index.html", {"people": people, "breadcrumbs": crumbs(("People", None))}, nav="people"
    )


@page
def parties_index(request: HttpRequest) -> HttpResponse:
    parties = Party.objects.annotate(rounds=Count("delegations", distinct=True)).order_by("name")
    return render_page(
        request,
        "pages/parties_index.html",
        {"parties": parties, "breadcrumbs": crumbs(("Parties", None))},
        nav="parties",
    )
