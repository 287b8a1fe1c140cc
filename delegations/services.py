"""Writes to parties, people, delegations, memberships and attendance."""

from __future__ import annotations

from collections.abc import Container, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from delegations.matching import PersonMatcher, listed
from delegations.models import Attendance, Delegation, Membership, Party, Person
from negotrack.records import User, save_record
from rounds.models import Source


def party_save(party: Party, *, by: User) -> Party:
    if not party.slug:
        party.slug = slugify(party.name)
    return save_record(party, by=by)


def free_slug(base: str, taken: Container[str]) -> str:
    """`base` (cut to 70 characters), or else `base-2`, `base-3`…: the first one free."""
    base = base[:70] or "item"
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, 100_000) if f"{base}-{n}" not in taken)


def unique_slug(model: type[Party | Person], base: str, *, exclude_pk: int | None = None) -> str:
    # exclude(pk=None) excludes nothing, which is what a record not saved yet needs.
    others = model.objects.filter(slug__startswith=base[:70] or "item").exclude(pk=exclude_pk)  # type: ignore[misc]
    return free_slug(base, set(others.values_list("slug", flat=True)))


def person_slug_base(person: Person) -> str:
    """The slug a person's name makes; a name in a script slugify cannot spell in Latin
    letters gets a neutral one."""
    return slugify(person.name) or f"person-{person.uuid.hex[:8]}"


class PersonLooksKnown(ValidationError):
    """A new person whose name, or an alias, names or nearly names someone on record: most
    often the same official in another spelling. The caller shows `people` and saves
    again with `confirm_new=True` if this is someone else."""

    def __init__(self, person: Person, people: list[Person]) -> None:
        self.name = person.name
        self.people = people
        message = (
            f"“{person.name}” looks like someone on record: {listed(people)}. "
            "If this is someone else, confirm that it is a new person."
        )
        super().__init__({"name": ValidationError(message, code="possible_duplicate")})


def person_new_check(person: Person) -> None:
    """Raise PersonLooksKnown when a person about to be added looks like someone on record
    (delegations.matching says what looks alike). One query."""
    people = PersonMatcher().lookalikes([person.name, *person.alias_list])
    if people:
        raise PersonLooksKnown(person, people)


def person_save(person: Person, *, by: User, confirm_new: bool = False) -> Person:
    """Add or change a person. A new person who looks like someone on record is refused
    (PersonLooksKnown) unless `confirm_new`: one official, one record. A round import and a
    restore confirm, the person they bring being a record of its own; the bulk path (the
    demo, the benchmark) does not check."""
    with transaction.atomic():
        if person._state.adding and not confirm_new:
            person_new_check(person)
        if not person.slug:
            person.slug = unique_slug(Person, person_slug_base(person), exclude_pk=person.pk)
        return save_record(person, by=by)


def delegation_save(delegation: Delegation, *, by: User, sources: Iterable[Source] | None = None) -> Delegation:
    return save_record(delegation, by=by, m2m=None if sources is None else {"sources": sources})


def membership_save(membership: Membership, *, by: User, sources: Iterable[Source] | None = None) -> Membership:
    return save_record(membership, by=by, m2m=None if sources is None else {"sources": sources})


def attendance_save(attendance: Attendance, *, by: User) -> Attendance:
    return save_record(attendance, by=by)
