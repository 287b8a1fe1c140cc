"""What the set-up form of a round offers to pick from, and the records it edits, each
loaded in one query a request."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.safestring import SafeString

from delegations.matching import PersonMatcher
from delegations.models import Attendance, Delegation, Membership, Party, Person
from issues.editorial.markup import SharedChoices, datalist_options
from rounds.models import Process, Round, Session


@dataclass
class SetupOffer:
    """The round being set up (None for a new one), the processes and parties to pick
    from, the names of the people on record, and the round's sessions, delegations,
    memberships and attendance by their UUIDs."""

    round: Round | None
    processes: dict[str, Process]
    parties: dict[str, Party]
    people: list[str]
    sessions: dict[str, Session] = field(default_factory=dict)
    delegations: dict[str, Delegation] = field(default_factory=dict)
    memberships: dict[str, Membership] = field(default_factory=dict)
    # membership pk -> session pk -> the attendance on record
    attended: dict[int, dict[int, Attendance]] = field(default_factory=dict)
    # One matcher for every member row: close spellings are read once a form.
    matcher: PersonMatcher = field(default_factory=PersonMatcher)

    @classmethod
    def load(cls, talk_round: Round | None) -> SetupOffer:
        offer = cls(
            round=talk_round,
            processes={str(process.pk): process for process in Process.objects.order_by("name")},
            parties={str(party.pk): party for party in Party.objects.order_by("name")},
            people=list(Person.objects.order_by("name").values_list("name", flat=True).distinct()),
        )
        if talk_round is not None:
            offer._load_round(talk_round)
        return offer

    def _load_round(self, talk_round: Round) -> None:
        self.sessions = {str(s.uuid): s for s in talk_round.sessions.order_by("date", "start_time", "id")}
        delegations = Delegation.objects.filter(round=talk_round).select_related("party").in_role_order()
        self.delegations = {str(d.uuid): d for d in delegations}
        memberships = (
            Membership.objects.filter(delegation__round=talk_round)
            .select_related("person", "delegation__party")
            .order_by("delegation_id", "role", "person__name", "id")
        )
        self.memberships = {str(m.uuid): m for m in memberships}
        attended: dict[int, dict[int, Attendance]] = defaultdict(dict)
        for attendance in Attendance.objects.filter(session__round=talk_round):
            attended[attendance.membership_id][attendance.session_id] = attendance
        self.attended = dict(attended)
        self.matcher = PersonMatcher(prefer=[m.person_id for m in self.memberships.values()])

    @cached_property
    def people_options(self) -> SafeString:
        """The names of the people on record, as the member rows' <datalist>."""
        return datalist_options(((name, {}, "") for name in self.people), closed=False)

    # The choice lists of the rows, one of each a request, which every row shares.

    @cached_property
    def process_choices(self) -> SharedChoices:
        return SharedChoices([("", "a new process (below)")] + [(key, p.name) for key, p in self.processes.items()])

    @cached_property
    def party_choices(self) -> SharedChoices:
        return SharedChoices([("", "—")] + [(key, party.name) for key, party in self.parties.items()])

    def party_named(self, name: str) -> Party | None:
        """The party on record that a name typed for a new one names already."""
        wanted = " ".join(name.split()).casefold()
        for party in self.parties.values():
            if wanted in (party.name.casefold(), party.short_name.casefold()):
                return party
        return None
