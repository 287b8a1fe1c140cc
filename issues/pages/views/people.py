"""A person (the rounds they attended, their statements) and a party (its delegations
across rounds, its positions on each agenda issue)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from delegations.models import Delegation, Membership, Party, Person
from issues.editorial.drafts import page_drafts
from issues.models import Position, Statement
from issues.pages.views.base import cited, crumbs, page, render_page
from issues.pages.views.overview import statements_for_listing
from issues.queries import HEAD_FIRST

# Statements shown on a person's page; the rest are in the statement search.
PERSON_STATEMENTS = 20


@page(drafts=True)
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    memberships = (
        Membership.objects.filter(person=person)
        .select_related("delegation__party", "delegation__round__process")
        .annotate(sessions=Count("attendances"))
        .order_by(F("delegation__round__start_date").desc(nulls_last=True), "id")
    )
    public = Statement.objects.public().filter(speaker=person)
    statements = statements_for_listing(public).order_by("-date", "-id")[:PERSON_STATEMENTS]
    return render_page(
        request,
        "pages/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "statements": statements,
            "statement_count": public.published().count(),
            "statements_url": reverse("pages:statements") + f"?speaker={person.slug}",
            "drafts": page_drafts(request, {Statement: Q(speaker=person)}),
            "breadcrumbs": crumbs(("People", reverse("pages:people")), (person, None)),
        },
        nav="people",
    )


@page(drafts=True)
def party_detail(request: HttpRequest, slug: str) -> HttpResponse:
    party = get_object_or_404(Party, slug=slug)
    members = Membership.objects.select_related("person").order_by(HEAD_FIRST, "person__name")
    delegations = (
        Delegation.objects.filter(party=party)
        .select_related("round__process")
        .prefetch_related(Prefetch("memberships", members, to_attr="member_list"))
        .order_by(F("round__start_date").desc(nulls_last=True), "id")
    )
    positions = (
        Position.objects.public()
        .filter(party=party)
        .select_related("issue__process", "round")
        .prefetch_related(cited())
        .order_by("issue__process__name", "issue__sort_order", "issue__name", "-effective_date", "-id")
    )
    by_issue: dict[int, dict[str, Any]] = {}
    for position in positions:
        by_issue.setdefault(position.issue_id, {"issue": position.issue, "positions": []})["positions"].append(position)
    return render_page(
        request,
        "pages/party_detail.html",
        {
            "party": party,
            "delegations": delegations,
            "issues": list(by_issue.values()),
            "statements_url": reverse("pages:statements") + f"?party={party.slug}",
            "drafts": page_drafts(request, {Statement: Q(party=party)}),
            "breadcrumbs": crumbs(("Parties", reverse("pages:parties")), (party, None)),
        },
        nav="parties",
    )
