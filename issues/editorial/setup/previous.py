""" "Start from the previous round": the delegations and members of the process's previous
round, copied into the form to be changed before anything is saved."""

from __future__ import annotations

from typing import Any

from delegations.matching import spelled
from delegations.models import Delegation, Membership
from issues.editorial.setup.offer import SetupOffer
from rounds.models import Process, Round


def previous_round(offer: SetupOffer, typed: dict[str, Any]) -> Round | None:
    """The round of the process picked that comes last before the round's first day (the
    last one with dates, when the round has none yet)."""
    process: Process | None = offer.processes.get(str(typed.get("process") or ""))
    if process is None:
        return None
    rounds = Round.objects.filter(process=process).exclude(start_date=None)
    if offer.round is not None:
        rounds = rounds.exclude(pk=offer.round.pk)
    start = str(typed.get("start_date") or "")
    if start:
        rounds = rounds.filter(start_date__lt=start[:10])
    return rounds.order_by("-start_date", "-id").first()


def with_previous(rows: dict[str, Any], previous: Round) -> dict[str, Any]:
    """`rows` (what was typed) with the previous round's delegations whose party is not in
    the form yet, and its members who are not in their delegation's rows yet; rows left
    blank are dropped."""
    kept = [
        (old, row)
        for old, row in enumerate(rows["delegations"], start=1)
        if row.get("record") or row.get("party") or row.get("new_party")
    ]
    delegations = [row for _, row in kept]
    renumbered = {str(old): str(new) for new, (old, _) in enumerate(kept, start=1)}
    members = [
        {**row, "delegation": renumbered.get(str(row.get("delegation") or ""), "")}
        for row in rows["members"]
        if row.get("record") or spelled(str(row.get("person") or ""))
    ]
    number_of_party = {str(row["party"]): n for n, row in enumerate(delegations, start=1) if row.get("party")}
    for delegation in Delegation.objects.filter(round=previous).in_role_order():
        if str(delegation.party_id) not in number_of_party:
            delegations.append(
                {
                    "party": str(delegation.party_id),
                    "roles": delegation.roles,
                    "unnamed_members": delegation.unnamed_members,
                    "note": delegation.note,
                }
            )
            number_of_party[str(delegation.party_id)] = len(delegations)
    named = {(row["delegation"], spelled(str(row.get("person") or "")).casefold()) for row in members}
    copied = (
        Membership.objects.filter(delegation__round=previous)
        .select_related("person", "delegation")
        .order_by("role", "person__name")
    )
    # In the order of the delegations in the form, heads first.
    for membership in sorted(copied, key=lambda m: number_of_party[str(m.delegation.party_id)]):
        number = str(number_of_party[str(membership.delegation.party_id)])
        if (number, membership.person.name.casefold()) in named:
            continue
        members.append(
            {"delegation": number, "person": membership.person.name, "title": membership.title, "role": membership.role}
        )
    return {**rows, "delegations": delegations, "members": members}
