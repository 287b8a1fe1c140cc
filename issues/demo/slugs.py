"""The slug rules of the save services, applied to many new records at once.

The services look each slug up as they save one record; a bulk load reads the slugs
already taken once and keeps the set up to date as it names its records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from delegations.models import Party, Person
from issues.models import Issue
from negotrack.records import Record
from rounds.models import Round


def unique_slug(base: str, taken: set[str]) -> str:
    """delegations.services.unique_slug, against a set of taken slugs."""
    base = base[:70] or "item"
    slug = base if base not in taken else next(f"{base}-{n}" for n in range(2, 100_000) if f"{base}-{n}" not in taken)
    taken.add(slug)
    return slug


def round_slug(talk_round: Round, taken: set[str]) -> None:
    """rounds.services.round_slug_assign, against a set of taken slugs."""
    if talk_round.slug and not talk_round.slug_is_provisional:
        return
    process_slug = talk_round.process.slug
    if talk_round.start_date is None:
        if not talk_round.slug:
            talk_round.slug = f"{process_slug}-scheduled-{talk_round.uuid.hex[:8]}"
        taken.add(talk_round.slug)
        return
    base = f"{slugify(talk_round.city) or 'round'}-{talk_round.start_date.isoformat()}"
    candidates = [base, f"{process_slug}-{base}"] + [f"{process_slug}-{base}-{n}" for n in range(2, 100)]
    talk_round.slug = next(slug for slug in candidates if slug not in taken)
    talk_round.slug_is_provisional = False
    taken.add(talk_round.slug)


def _rounds(rounds: Sequence[Round]) -> None:
    taken = set(Round.objects.values_list("slug", flat=True))
    for talk_round in rounds:
        round_slug(talk_round, taken)


def _parties(parties: Sequence[Party]) -> None:
    for party in parties:
        party.slug = party.slug or slugify(party.name)  # delegations.services.party_save


def _people(people: Sequence[Person]) -> None:
    taken = set(Person.objects.values_list("slug", flat=True))
    for person in people:
        if not person.slug:  # delegations.services.person_save
            person.slug = unique_slug(slugify(person.name) or f"person-{person.uuid.hex[:8]}", taken)


def _issues(issues: Sequence[Issue]) -> None:
    """issues.services.issue_save: "{process}-{topic}", refused when another issue holds it."""
    for issue in issues:
        if issue.process_id and issue.topic and not issue.slug:
            issue.slug = f"{issue.process.slug}-{slugify(issue.topic)}"
    clashes = Issue.objects.filter(slug__in=[issue.slug for issue in issues]).select_related("process")
    for clash in clashes:
        taken = f"already taken by “{clash}” of {clash.process}"
        raise ValidationError({"topic": f"This topic would make the slug {clash.slug!r}, {taken}."})


# Each rule takes the records of its own model.
_RULES: dict[type[Record], Callable[[Any], None]] = {Round: _rounds, Party: _parties, Person: _people, Issue: _issues}


def assign_slugs(records: Sequence[Record]) -> None:
    """Give new records of one model the slugs their save service would."""
    if records and type(records[0]) in _RULES:
        _RULES[type(records[0])](records)
