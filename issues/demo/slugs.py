"""The slug rules of the save services, applied to many new records at once.

The services look each slug up as they save one record; a bulk load reads the slugs
already taken once and keeps the set up to date as it names its records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.utils.text import slugify

from delegations.models import Party, Person
from delegations.services import free_slug, person_slug_base
from issues.models import Issue
from issues.services.issues import issue_slug, issue_slug_taken
from negotrack.records import Record
from rounds.models import Round
from rounds.services import round_slug_assign


def unique_slug(base: str, taken: set[str]) -> str:
    """delegations.services.unique_slug, against a set of taken slugs."""
    slug = free_slug(base, taken)
    taken.add(slug)
    return slug


def round_slug(talk_round: Round, taken: set[str]) -> None:
    """rounds.services.round_slug_assign, against a set of taken slugs."""
    round_slug_assign(talk_round, taken=taken.__contains__)
    if talk_round.slug:
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
        if not person.slug:
            person.slug = unique_slug(person_slug_base(person), taken)


def _issues(issues: Sequence[Issue]) -> None:
    """issues.services.issue_save: "{process}-{topic}", refused when another issue holds it."""
    for issue in issues:
        if issue.process_id and issue.topic and not issue.slug:
            issue.slug = issue_slug(issue)
    clash = Issue.objects.filter(slug__in=[issue.slug for issue in issues]).select_related("process").first()
    if clash is not None:
        raise issue_slug_taken(clash)


# Each rule takes the records of its own model.
_RULES: dict[type[Record], Callable[[Any], None]] = {Round: _rounds, Party: _parties, Person: _people, Issue: _issues}


def assign_slugs(records: Sequence[Record]) -> None:
    """Give new records of one model the slugs their save service would."""
    if records and type(records[0]) in _RULES:
        _RULES[type(records[0])](records)
