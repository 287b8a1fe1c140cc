"""Statement search: the words, with filters for process, round, speaker, party, issue and
dates, in pages. The filters are those of the API, so both answer alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse

from delegations.models import Party, Person
from issues.api.filters import MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS, StatementFilter
from issues.models import Issue, PublicationState, Statement
from issues.pages.views.base import crumbs, page, render_page
from issues.pages.views.overview import statements_for_listing
from rounds.models import Process, Round

PER_PAGE = 25
FILTERS = ("q", "process", "round", "speaker", "party", "issue", "date_from", "date_to")


def _grouped(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(slug, label)]) for a select with an option group per process."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for group, slug, label in rows:
        groups.setdefault(group, []).append((slug, label))
    return list(groups.items())


def choices() -> dict[str, Any]:
    """What each select offers, as plain values: a large record has hundreds of people."""
    rounds = Round.objects.order_by("process__name", F("start_date").asc(nulls_last=True), "id")
    return {
        "processes": list(Process.objects.order_by("name").values_list("slug", "name")),
        "rounds": _grouped(
            (process, slug, f"{city or 'place to be announced'}, {start or 'dates to be announced'}")
            for process, slug, city, start in rounds.values_list("process__name", "slug", "city", "start_date")
        ),
        "people": list(Person.objects.order_by("name").values_list("slug", "name")),
        "parties": list(Party.objects.order_by("name").values_list("slug", "name")),
        "issues": _grouped(
            Issue.objects.order_by("process__name", "sort_order", "name").values_list("process__name", "slug", "name")
        ),
    }


def paged(found: QuerySet[Statement], number: str | None) -> tuple[Any, int]:
    """A page of the statements found, and how many of them are published: the list shows
    withdrawn and corrected ones as their notices, the count only what stands. Both counts
    in the one query the paginator would make for its own."""
    counts = found.aggregate(total=Count("id"), published=Count("id", filter=Q(state=PublicationState.PUBLISHED)))
    paginator = Paginator(statements_for_listing(found).order_by("-date", "-id"), PER_PAGE)
    paginator.count = counts["total"]  # the paginator's own count, already known
    return paginator.get_page(number), counts["published"]


@page
def statement_search(request: HttpRequest) -> HttpResponse:
    query = {name: request.GET.get(name, "").strip() for name in FILTERS}
    found = StatementFilter(
        data={name: value for name, value in query.items() if value}, queryset=Statement.objects.public()
    )
    errors = {} if found.is_valid() else found.errors
    statements, published = None, 0
    if not errors:
        statements, published = paged(found.qs, request.GET.get("page"))
    kept = urlencode({name: value for name, value in query.items() if value})
    response = render_page(
        request,
        "pages/statement_search.html",
        {
            "query": query,
            "errors": errors,
            "statements": statements,
            "published_count": published,
            "choices": choices(),
            "search_limits": {"words": MAX_SEARCH_WORDS, "length": MAX_SEARCH_LENGTH},
            "filtered": any(query.values()),
            "kept_query": kept,
            "breadcrumbs": crumbs(("Statements", None)),
        },
        nav="statements",
    )
    if errors:
        response.status_code = 400
    return response
