"""What the entry form of a round offers to pick from (its agenda issues, the parties, the
speakers, the sources), loaded once a request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from delegations.matching import PersonMatcher
from delegations.models import Membership, Party, Person
from issues.models import Issue, Statement
from rounds.models import Process, Round, Session, Source

NEWEST_SOURCES = 30


@dataclass
class SpeakerChoice:
    """A name the speaker field offers, and the person it names."""

    label: str  # a name or an alias, as typed
    person: Person
    party_id: int | None = None
    title: str = ""


@dataclass
class Offer:
    """The round, and the choices its form offers, each loaded in one query."""

    round: Round
    session: Session | None
    process: Process
    issues: dict[str, Issue]
    parties: dict[str, Party]
    round_parties: list[str]  # keys of the parties with a delegation at the round
    sources: dict[str, Source]
    members: dict[int, Membership]  # person pk -> their membership at the round
    speakers: list[SpeakerChoice] = field(default_factory=list)
    # Finds the speaker a row names, the round's delegates first; shared by the rows, so
    # that close spellings are looked for in one read of everyone's names.
    matcher: PersonMatcher = field(default_factory=PersonMatcher)

    @classmethod
    def load(cls, talk_round: Round, session: Session | None) -> Offer:
        process = talk_round.process
        issues = {
            str(issue.pk): issue for issue in Issue.objects.filter(process=process).order_by("sort_order", "name")
        }
        parties = {str(party.pk): party for party in Party.objects.order_by("name")}
        memberships = list(
            Membership.objects.filter(delegation__round=talk_round)
            .select_related("person", "delegation")
            .order_by("delegation__party__name", "role", "person__name")
        )
        members = {membership.person_id: membership for membership in memberships}
        round_parties = list(
            dict.fromkeys(str(party_id) for party_id in talk_round.delegations.values_list("party_id", flat=True))
        )
        speakers = []
        for membership in memberships:
            for label in [membership.person.name, *membership.person.alias_list]:
                speakers.append(
                    SpeakerChoice(label, membership.person, membership.delegation.party_id, membership.title)
                )
        # Everyone else who has spoken in the process: a probe of an index per person on
        # record, where a join and DISTINCT over the process's statements read them all.
        spoke = Statement.objects.filter(process=process, speaker=OuterRef("pk"))
        others = Person.objects.filter(Exists(spoke)).exclude(pk__in=list(members)).order_by("name")
        speakers += [SpeakerChoice(person.name, person) for person in others]
        return cls(
            round=talk_round,
            session=session,
            process=process,
            issues=issues,
            parties=parties,
            round_parties=round_parties,
            sources=_sources_offered(talk_round),
            members=members,
            speakers=speakers,
            matcher=PersonMatcher(prefer=members),
        )

    def party_choices(self) -> list[Any]:
        """The round's parties first, then every other."""
        first = [(key, self.parties[key].name) for key in self.round_parties if key in self.parties]
        rest = [(key, party.name) for key, party in self.parties.items() if key not in self.round_parties]
        return [("", "—")] + ([("At this round", first), ("Others", rest)] if first else rest)

    def issue_choices(self) -> list[tuple[str, str]]:
        return [(key, issue.name) for key, issue in self.issues.items()]

    def default_date(self) -> datetime.date:
        if self.session:
            return self.session.date
        last = self.round.end_date or self.round.start_date
        today = timezone.localdate()
        return min(last, today) if last else today


def _sources_offered(talk_round: Round) -> dict[str, Source]:
    """What the round and its records cite already, then the newest sources: one query,
    a UNION whose parts each read an index (OR-ed conditions would read every source)."""
    plain = Source.objects.order_by()
    cited = [
        plain.filter(rounds=talk_round),
        plain.filter(statements__round=talk_round),
        plain.filter(issue_statuses__round=talk_round),
        plain.filter(positions__round=talk_round),
        plain.filter(agreements__round=talk_round),
    ]
    # The newest in a subquery, since SQLite takes no LIMIT in a part of a UNION.
    newest = plain.filter(pk__in=Source.objects.order_by("-created_at").values("pk")[:NEWEST_SOURCES])
    offered = cited[0].union(*cited[1:], newest).order_by("-published_on", "outlet", "pk")
    return {str(source.pk): source for source in offered}
