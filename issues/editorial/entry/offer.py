"""What the entry form of a round offers to pick from (its agenda issues, the parties, the
speakers, the sources), loaded once a request."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.safestring import SafeString

from delegations.matching import PersonMatcher
from delegations.models import Membership, Party, Person
from issues.editorial.markup import SharedChoices, datalist_options
from issues.models import Issue, Statement
from issues.vocabulary import AssessmentStatus
from rounds.models import Process, Round, Session, Source

NEWEST_SOURCES = 30


@dataclass
class SpeakerChoice:
    """A name the speaker field offers, and the name on record of the person it names."""

    label: str  # a name or an alias, as typed
    name: str
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
            person = membership.person
            for label in [person.name, *person.alias_list]:
                speakers.append(SpeakerChoice(label, person.name, membership.delegation.party_id, membership.title))
        # Everyone else who has spoken in the process: a probe of an index per person on
        # record, where a join and DISTINCT over the process's statements read them all.
        spoke = Statement.objects.filter(process=process, speaker=OuterRef("pk"))
        others = Person.objects.filter(Exists(spoke)).exclude(pk__in=list(members)).order_by("name")
        speakers += [SpeakerChoice(name, name) for name in others.values_list("name", flat=True)]
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

    @cached_property
    def speaker_options(self) -> SafeString:
        """The speakers' <datalist>, with the party and title a delegate holds at the round
        (entry.js brings them onto the row), and the name on record beside an alias."""
        return datalist_options(
            (
                (
                    speaker.label,
                    {"data-party": "" if speaker.party_id is None else speaker.party_id, "data-title": speaker.title},
                    speaker.name if speaker.label != speaker.name else "",
                )
                for speaker in self.speakers
            ),
            before="\n    ",
        )

    # The choice lists of the rows, one of each a request, which every row shares.

    @cached_property
    def party_choices(self) -> SharedChoices:
        """The round's parties first, then every other."""
        first = [(key, self.parties[key].name) for key in self.round_parties if key in self.parties]
        rest = [(key, party.name) for key, party in self.parties.items() if key not in self.round_parties]
        return SharedChoices([("", "—")] + ([("At this round", first), ("Others", rest)] if first else rest))

    @cached_property
    def bound_party_choices(self) -> SharedChoices:
        """The parties an agreement may bind: those at the round, or every one when none is on record."""
        keys = self.round_parties or list(self.parties)
        return SharedChoices([(key, self.parties[key].name) for key in keys])

    @cached_property
    def issue_choices(self) -> SharedChoices:
        return SharedChoices([(key, issue.name) for key, issue in self.issues.items()])

    @cached_property
    def issue_or_none_choices(self) -> SharedChoices:
        return SharedChoices([("", "—"), *self.issue_choices])

    @cached_property
    def status_choices(self) -> SharedChoices:
        return SharedChoices([("", "no change to record"), *AssessmentStatus.choices])

    @cached_property
    def source_choices(self) -> SharedChoices:
        return SharedChoices([("", "—")] + [(key, str(source)) for key, source in self.sources.items()])

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
