"""Two rounds of one process side by side: what moved on each issue, the parties' roles,
who joined or left the delegations or changed role, and what was said."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from delegations.models import Delegation, Membership
from issues.models import Issue, Statement
from issues.pages.views.base import crumbs, page, render_page
from issues.pages.views.overview import held, statements_for_listing
from issues.queries import round_statuses
from issues.vocabulary import compare
from rounds.models import Process, Round

STATEMENTS_PER_ROUND = 10


def status_moves(process: Process, earlier: Round, later: Round) -> list[dict[str, Any]]:
    cells = round_statuses([earlier.pk, later.pk])
    rows = []
    for issue in Issue.objects.filter(process=process).order_by("sort_order", "name"):
        before, after = cells.get((earlier.pk, issue.pk)), cells.get((later.pk, issue.pk))
        if before and after:
            moved = compare(before, after)
        elif after:
            moved = "first assessed"
        elif before:
            moved = "not assessed at the later round"
        else:
            moved = "assessed at neither"
        rows.append({"issue": issue, "before": before, "after": after, "moved": moved})
    return rows


def delegation_changes(earlier: Round, later: Round) -> list[dict[str, Any]]:
    """Per party at either round: its roles at each (empty where it was not there), who
    joined, who left, who changed role or title, who stayed."""
    delegations = Delegation.objects.filter(round__in=[earlier, later]).select_related("party")
    seats: dict[int, dict[str, Any]] = {}
    at: dict[int, tuple[dict[str, Any], int]] = {}  # delegation pk -> (its party's seat, 0 earlier or 1 later)
    for delegation in delegations.order_by("party__name"):
        party = seats.setdefault(
            delegation.party_id, {"party": delegation.party, "rounds": ({}, {}), "roles": ["", ""]}
        )
        side = 0 if delegation.round_id == earlier.pk else 1
        party["roles"][side] = delegation.get_roles_display()
        at[delegation.pk] = (party, side)
    members = Membership.objects.filter(delegation__in=list(at)).select_related("person")
    for member in members.order_by("person__name"):
        party, side = at[member.delegation_id]
        party["rounds"][side][member.person_id] = member
    changes = []
    for party in seats.values():
        before, after = party["rounds"]
        changed = [
            (before[pk], after[pk])
            for pk in before.keys() & after.keys()
            if (before[pk].role, before[pk].title) != (after[pk].role, after[pk].title)
        ]
        changes.append(
            {
                "party": party["party"],
                "roles": party["roles"],
                "joined": [after[pk] for pk in after.keys() - before.keys()],
                "left": [before[pk] for pk in before.keys() - after.keys()],
                "changed": sorted(changed, key=lambda pair: pair[1].person.name),
                "stayed": sorted(
                    (after[pk] for pk in before.keys() & after.keys() if (before[pk], after[pk]) not in changed),
                    key=lambda member: member.person.name,
                ),
            }
        )
    for change in changes:
        change["joined"].sort(key=lambda member: member.person.name)
        change["left"].sort(key=lambda member: member.person.name)
    return changes


@page
def compare_rounds(request: HttpRequest, slug: str) -> HttpResponse:
    process = get_object_or_404(Process, slug=slug)
    rounds = list(Round.objects.filter(process=process).chronological())
    by_slug = {talk_round.slug: talk_round for talk_round in rounds}
    taken_place = held(rounds)
    errors = []
    earlier, later = (taken_place[-2], taken_place[-1]) if len(taken_place) >= 2 else (None, None)
    picked = {}
    for name in ("from", "to"):
        value = request.GET.get(name, "").strip()
        if value and value not in by_slug:
            errors.append(f"“{value}” is not a round of {process}: pick one from the list.")
        picked[name] = by_slug.get(value)
    if not errors and (picked["from"] or picked["to"]):
        earlier, later = picked["from"] or earlier, picked["to"] or later
        if earlier == later and not (picked["from"] and picked["to"]):
            # One round named, and the default pairs it with itself: take its neighbour.
            named = picked["from"] or picked["to"]
            position = rounds.index(named)
            neighbour = rounds[position + 1] if position + 1 < len(rounds) else rounds[position - 1]
            earlier, later = named, neighbour
    if not errors and earlier and later and earlier == later:
        errors.append("Pick two different rounds.")
    if earlier and later and not errors and rounds.index(earlier) > rounds.index(later):
        earlier, later = later, earlier
    context = {
        "process": process,
        "rounds": rounds,
        "earlier": earlier,
        "later": later,
        "errors": errors,
        "breadcrumbs": crumbs((process, reverse("pages:process", args=[process.slug])), ("Compare rounds", None)),
    }
    if earlier and later and not errors:
        public = Statement.objects.public()
        context |= {
            "moves": status_moves(process, earlier, later),
            "delegations": delegation_changes(earlier, later),
            "statement_columns": [
                {
                    "round": talk_round,
                    "count": public.filter(round=talk_round).published().count(),
                    "items": statements_for_listing(public.filter(round=talk_round)).order_by("-date", "-id")[
                        :STATEMENTS_PER_ROUND
                    ],
                    "url": reverse("pages:statements") + f"?round={talk_round.slug}",
                }
                for talk_round in (earlier, later)
            ],
        }
    response = render_page(request, "pages/compare.html", context)
    if errors:
        response.status_code = 400
    return response
