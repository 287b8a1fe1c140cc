"""Who sat for whom in one negotiation process, as a Popolo document
(https://www.popoloproject.com/specs/): the people, the parties and their delegations as
organizations, and the memberships that join them.

Popolo has no delegation and no round, so each delegation is an organization of its own,
inside its party (`parent_id`), that exists for the round's days (`founding_date`,
`dissolution_date`), and each membership is a person in a delegation on the party's behalf.
Every id is the record's UUID, which survives export and import; everything else the
Popolo classes hold and our record does not (birth dates, contact details) is left out.

It reads four queries however many people sat at the process's rounds: the delegations
with their rounds and parties, their members with the people, and the sources of each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import F, Prefetch
from django.urls import reverse

from delegations.models import Delegation, Membership, Party, Person, first_role_rank, member_rank
from negotrack.records import Record
from rounds.models import Process, Source

# The scheme of the identifiers that name our records: the UUID, and for the records that
# the API and the pages name by slug, the slug too.
SCHEME = "negotrack"
SLUG_SCHEME = "negotrack-slug"
DELEGATION = "delegation"

# A page of the analysts' site or an API route, as a URL to follow (the request's host).
Absolute = Callable[[str], str]

SOURCES = Prefetch("sources", queryset=Source.objects.order_by("published_on", "outlet", "id"))


def popolo_document(process: Process, absolute: Absolute) -> dict[str, list[dict[str, Any]]]:
    """The people, organizations and memberships of `process`: every delegation at one of
    its rounds, the parties they sat for, their members and the people."""
    delegations = process_delegations(process)
    memberships = [membership for delegation in delegations for membership in delegation.memberships.all()]
    parties = sorted({d.party_id: d.party for d in delegations}.values(), key=lambda party: (party.name, party.pk))
    people = sorted({m.person_id: m.person for m in memberships}.values(), key=lambda who: (who.name, who.pk))
    return {
        "persons": [person_entry(person, absolute) for person in people],
        "organizations": [
            *(party_entry(party, absolute) for party in parties),
            *(delegation_entry(delegation, absolute) for delegation in delegations),
        ],
        "memberships": [membership_entry(membership, absolute) for membership in memberships],
    }


def process_delegations(process: Process) -> list[Delegation]:
    """The process's delegations, round by round (in the rounds' order), negotiating
    parties first in each; their members head first, each with their person."""
    members = (
        Membership.objects.select_related("person")
        .prefetch_related(SOURCES)
        .order_by(member_rank(), "person__name", "id")
    )
    return list(
        Delegation.objects.filter(round__process=process)
        .select_related("round", "party")
        .prefetch_related(SOURCES, Prefetch("memberships", queryset=members))
        .order_by(
            F("round__start_date").asc(nulls_last=True), "round__ordinal", "round_id", first_role_rank(), "party__name"
        )
    )


def person_entry(person: Person, absolute: Absolute) -> dict[str, Any]:
    return {
        "id": str(person.uuid),
        "name": person.name,
        "other_names": [{"name": alias, "note": None} for alias in person.alias_list],
        "identifiers": identifiers(person),
        "summary": person.description or None,
        "links": [
            link(absolute(reverse("person-detail", args=[person.slug])), "negotrack API"),
            link(absolute(reverse("pages:person", args=[person.slug])), "negotrack page"),
        ],
        **times(person),
    }


def party_entry(party: Party, absolute: Absolute) -> dict[str, Any]:
    return {
        "id": str(party.uuid),
        "name": party.name,
        "other_names": [{"name": party.short_name, "note": "short name"}] if party.short_name else [],
        "identifiers": identifiers(party),
        "classification": party.kind,
        "parent_id": None,
        "founding_date": None,
        "dissolution_date": None,
        "abstract": None,
        "description": None,
        "links": [
            link(absolute(reverse("party-detail", args=[party.slug])), "negotrack API"),
            link(absolute(reverse("pages:party", args=[party.slug])), "negotrack page"),
        ],
        "sources": [],
        **times(party),
    }


def delegation_entry(delegation: Delegation, absolute: Absolute) -> dict[str, Any]:
    talk_round = delegation.round
    roles = delegation.get_roles_display()
    return {
        "id": str(delegation.uuid),
        "name": f"Delegation of {delegation.party.name}, {talk_round}",
        "other_names": [],
        "identifiers": identifiers(delegation),
        "classification": DELEGATION,
        "parent_id": str(delegation.party.uuid),
        "founding_date": talk_round.start_date,
        # Left null while the round's last day is not on record: a round under way has not ended.
        "dissolution_date": talk_round.end_date,
        "abstract": f"{roles[:1].upper()}{roles[1:]} at the round in {talk_round}",
        "description": delegation.note or None,
        "links": [
            link(absolute(reverse("delegation-detail", args=[delegation.uuid])), "negotrack API"),
            link(absolute(reverse("pages:round", args=[talk_round.slug])), "negotrack page of the round"),
        ],
        "sources": cited(delegation.sources.all()),
        **times(delegation),
    }


def membership_entry(membership: Membership, absolute: Absolute) -> dict[str, Any]:
    delegation = membership.delegation
    talk_round = delegation.round
    return {
        "id": str(membership.uuid),
        "person_id": str(membership.person.uuid),
        "organization_id": str(delegation.uuid),
        "on_behalf_of_id": str(delegation.party.uuid),
        "role": membership.get_role_display(),
        "label": membership.title or None,
        "start_date": talk_round.start_date,
        "end_date": talk_round.end_date,
        "links": [link(absolute(reverse("membership-detail", args=[membership.uuid])), "negotrack API")],
        "sources": cited(membership.sources.all()),
        **times(membership),
    }


def identifiers(record: Party | Person | Delegation) -> list[dict[str, str]]:
    named = [{"scheme": SCHEME, "identifier": str(record.uuid)}]
    slug = getattr(record, "slug", None)
    return [*named, {"scheme": SLUG_SCHEME, "identifier": slug}] if slug else named


def link(url: str, note: str | None) -> dict[str, str | None]:
    return {"url": url, "note": note}


def cited(sources: Iterable[Source]) -> list[dict[str, str | None]]:
    """The cited sources that have a URL (Popolo's links need one), each once."""
    found: dict[str, dict[str, str | None]] = {}
    for source in sources:
        if source.url and source.url not in found:
            found[source.url] = link(source.url, f"{source.outlet}: {source.title}" if source.title else source.outlet)
    return list(found.values())


def times(record: Record) -> dict[str, Any]:
    return {"created_at": record.created_at, "updated_at": record.updated_at}
