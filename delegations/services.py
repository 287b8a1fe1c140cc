"""Writes to parties, people, delegations, memberships and attendance."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from delegations.matching import PersonMatcher, listed
from delegations.models import Attendance, Delegation, Membership, MembershipRole, Party, Person
from negotrack.records import User, save_record
from rounds.models import Round, Source


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
    with transaction.atomic():
        if not delegation._state.adding:
            # A delegation moved to another round takes its chair along.
            chair = delegation.memberships.filter(role=MembershipRole.CHAIR).select_related("person").first()
            if chair is not None:
                _lock_round(delegation.round_id)
                problem = chair_problems([chair]).get(0)
                if problem:
                    raise ValidationError({"round": f"{chair.person} chairs for this delegation, and {problem}"})
        return save_record(delegation, by=by, m2m=None if sources is None else {"sources": sources})


def chair_problems(memberships: Sequence[Membership]) -> dict[int, str]:
    """Where one of `memberships` would give its round a second chair, why, by its index.

    A round has at most one chair, across all its delegations. No database constraint
    can say so (the round is the delegation's, not the membership's), so the services
    ask, in one query however many memberships: the membership service one at a time,
    the bulk loads for all they write.
    """
    chairs = [(index, m) for index, m in enumerate(memberships) if m.role == MembershipRole.CHAIR]
    if not chairs:
        return {}
    rounds = {m.delegation.round_id for _, m in chairs}
    on_record = (
        Membership.objects.filter(role=MembershipRole.CHAIR, delegation__round__in=rounds)
        .exclude(pk__in=[m.pk for _, m in chairs if m.pk])
        .select_related("person", "delegation__party")
    )
    chaired: dict[int, Membership] = {m.delegation.round_id: m for m in on_record}
    problems = {}
    for index, membership in chairs:
        round_id = membership.delegation.round_id
        other = chaired.setdefault(round_id, membership)
        if other is not membership:
            problems[index] = (
                f"{other.person} ({other.delegation.party}) already chairs this round: a round has one chair."
            )
    return problems


def refuse_second_chairs(memberships: Sequence[Membership]) -> None:
    """The chair rule for a bulk load (negotrack.bulk): all or nothing, as the load is."""
    problems = chair_problems(memberships)
    if problems:
        raise ValidationError([f"membership {index + 1}: {problem}" for index, problem in sorted(problems.items())])


def _lock_round(round_id: int) -> None:
    """Two writers naming a chair at one round wait for each other (a no-op on SQLite,
    where writes wait for each other anyway)."""
    list(Round.objects.select_for_update().filter(pk=round_id).values_list("pk"))


def membership_save(membership: Membership, *, by: User, sources: Iterable[Source] | None = None) -> Membership:
    with transaction.atomic():
        if membership.role == MembershipRole.CHAIR and membership.delegation_id:
            _lock_round(membership.delegation.round_id)
            problem = chair_problems([membership]).get(0)
            if problem:
                raise ValidationError({"role": problem})
        return save_record(membership, by=by, m2m=None if sources is None else {"sources": sources})


def attendance_save(attendance: Attendance, *, by: User) -> Attendance:
    return save_record(attendance, by=by)
