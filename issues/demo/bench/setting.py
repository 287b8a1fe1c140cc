"""The setting of the invented record: processes, their rounds and sessions, the parties
and their people, the sources that report on them, and the delegations at each round."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import cast

from django.utils.text import slugify

from delegations.models import Delegation, DelegationRole, Membership, MembershipRole, Party, Person
from delegations.services import person_slug_base, refuse_second_chairs
from issues.demo.bench import words
from issues.demo.bench.base import GeneratorBase
from issues.demo.bench.plan import MAX_DELEGATION_SIZE, ProcessPlan, RoundPlan, Speaker, proportional, spread
from issues.demo.slugs import round_slug, unique_slug
from rounds.models import Process, Round, Session, Source

NEGOTIATING_PARTY, MEDIATOR, HOST = (
    DelegationRole.NEGOTIATING_PARTY.value,
    DelegationRole.MEDIATOR.value,
    DelegationRole.HOST.value,
)


class SettingPhases(GeneratorBase):
    def write_processes(self) -> None:
        taken_slugs = set(Process.objects.values_list("slug", flat=True))
        taken_names = set(Process.objects.values_list("name", flat=True))
        for index in range(self.plan.processes):
            template = words.PROCESSES[index % len(words.PROCESSES)]
            name, slug, number = template.name, template.slug, 1 + index // len(words.PROCESSES)
            while name in taken_names or slug in taken_slugs:
                number += 1
                name, slug = f"{template.name} ({number})", f"{template.slug}-{number}"
            taken_names.add(name)
            taken_slugs.add(slug)
            process = Process(slug=slug, name=name, short_name=template.short_name, description=template.description)
            self.processes.append(ProcessPlan(process=process, template=template))
        self.create(Process, [item.process for item in self.processes])

    def plan_rounds(self) -> None:
        """Dates, places and the three delegations of every round, walking back from the end."""
        taken = set(Round.objects.values_list("slug", flat=True))
        for item, count in zip(self.processes, self.plan.rounds_per_process, strict=True):
            template = item.template
            last_day = self.end_of_record - datetime.timedelta(days=self.rng.randint(1, 20))
            spans = []
            for _ in range(count):
                length = self.rng.choice((1, 1, 2, 2, 3))
                first_day = last_day - datetime.timedelta(days=length - 1)
                spans.append((first_day, last_day))
                last_day = first_day - datetime.timedelta(days=self.rng.randint(10, 35))
            spans.reverse()
            item.begins = spans[0][0] - datetime.timedelta(days=self.rng.randint(15, 60))
            item.ends = self.end_of_record
            for ordinal, (first_day, last_day) in enumerate(spans, start=1):
                place = self.rng.choice(template.places)
                mediator = self.rng.choice(template.mediators)
                third = (place.host, [HOST]) if place.host and self.rng.random() < 0.25 else (mediator, [MEDIATOR])
                if third[0] in template.sides:
                    third = (mediator, [MEDIATOR])
                elif third[1] == [HOST] and self.rng.random() < 0.5:
                    third = (third[0], [MEDIATOR, HOST])  # a host often mediates as well
                talk_round = Round(
                    process=item.process,
                    ordinal=ordinal,
                    city=place.city,
                    country=place.country,
                    venue=self.rng.choice(place.venues),
                    start_date=first_day,
                    end_date=last_day,
                    format=self.rng.choice(template.formats),
                    status=Round.Status.CONCLUDED,
                    slug_is_provisional=False,
                )
                round_slug(talk_round, taken)
                parties = [(side, [NEGOTIATING_PARTY]) for side in template.sides] + [third]
                item.rounds.append(RoundPlan(talk_round=talk_round, template=template, parties=parties))

    def write_parties(self) -> None:
        wanted = list(
            dict.fromkeys(name for item in self.processes for plan in item.rounds for name, _ in plan.parties)
        )
        self.parties = {party.name: party for party in Party.objects.filter(name__in=wanted)}
        taken = set(Party.objects.values_list("slug", flat=True))
        new = []
        for name in wanted:
            if name in self.parties:
                continue
            profile = words.PARTIES[name]
            party = Party(
                name=name, short_name=profile.short_name, kind=profile.kind, slug=unique_slug(slugify(name), taken)
            )
            self.parties[name] = party
            new.append(party)
        self.create(Party, new)

    def write_sources(self) -> None:
        with self.bar("sources", self.plan.sources) as bar:
            for item, count in zip(self.processes, self.plan.sources_per_process, strict=True):
                outlets = words.GENERAL_OUTLETS + item.template.outlets
                begins, ends = cast(datetime.date, item.begins), cast(datetime.date, item.ends)  # by plan_rounds
                dated: list[tuple[datetime.date, RoundPlan | None]] = []
                plan: RoundPlan | None
                for plan in item.rounds:
                    dated.append((plan.last_day, plan))
                for _ in range(count - len(item.rounds)):
                    if self.rng.random() < 0.6:
                        plan = self.rng.choice(item.rounds)
                        first, last = plan.first_day, plan.last_day + datetime.timedelta(days=1)
                        day = first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))
                    else:
                        plan = None
                        day = begins + datetime.timedelta(days=self.rng.randint(0, (ends - begins).days))
                    dated.append((min(day, ends), plan))
                base: list[Source] = []
                relayed: list[Source] = []
                for index, (day, plan) in enumerate(dated):
                    source = self._source(item, day, plan, self.rng.choice(outlets), number=index)
                    if plan is not None and index < len(item.rounds):
                        plan.report = source
                    (relayed if index >= len(item.rounds) and self.rng.random() < 0.05 else base).append(source)
                self.create(Source, base, bar=bar)
                for source in relayed:
                    source.via = self.rng.choice(base)
                self.create(Source, relayed, bar=bar)
                item.sources = sorted(base + relayed, key=lambda source: (source.published_on, source.pk))

    def _source(
        self, item: ProcessPlan, day: datetime.date, plan: RoundPlan | None, outlet: words.Outlet, *, number: int
    ) -> Source:
        talk_round = plan.talk_round if plan else None
        city = talk_round.city if talk_round else self.rng.choice(item.template.places).city
        a, b = (words.PARTIES[side].short_name for side in item.template.sides)
        title = self.rng.choice(words.HEADLINES).format(
            a=a,
            b=b,
            city=city,
            capital=words.PARTIES[self.rng.choice(item.template.sides)].capital,
            issue=self.rng.choice(words.TOPICS).phrase,
            process=item.template.short_name,
        )
        title = title[0].upper() + title[1:]
        url = ""
        if outlet.domain and self.rng.random() < 0.9:
            url = f"https://www.{outlet.domain}/{day:%Y/%m/%d}/{slugify(title)[:80]}-{number}"
        return Source(outlet=outlet.name, title=title, url=url, published_on=day)

    def write_rounds(self) -> None:
        plans = [plan for item in self.processes for plan in item.rounds]
        with self.bar("rounds", len(plans)) as bar:
            for plan in plans:
                talk_round = plan.talk_round
                topics = self.rng.sample(
                    words.TOPICS[: self.plan.issues_per_process], min(2, self.plan.issues_per_process)
                )
                talk_round.summary = words.round_summary(self.rng, talk_round, plan.parties, topics)
                talk_round.outcome = self.rng.choice(words.OUTCOMES)
            self.create(Round, [plan.talk_round for plan in plans], bar=bar, sources=[[plan.report] for plan in plans])
        sessions = []
        for plan in plans:
            talk_round = plan.talk_round
            days = (plan.last_day - plan.first_day).days + 1
            place = next(place for place in plan.template.places if place.city == talk_round.city)
            for index in range(self.rng.randint(1, 3)):
                day = plan.first_day + datetime.timedelta(days=min(index, days - 1))
                session = Session(
                    round=talk_round,
                    date=day,
                    track=Session.Track.PLENARY if index == 0 else self.rng.choice(words.TRACKS),
                    summary=self.rng.choice(words.SESSION_SUMMARIES),
                )
                if self.rng.random() < 0.5:
                    hour = self.rng.choice((9, 10, 11, 14, 15))
                    session.start_time = datetime.time(hour, self.rng.choice((0, 30)))
                    session.end_time = datetime.time(hour + self.rng.randint(1, 4), self.rng.choice((0, 15, 45)))
                    session.time_zone = place.time_zone
                plan.sessions.append(session)
                plan.sessions_on.setdefault(day, []).append(session)
                sessions.append(session)
        self.create(Session, sessions)

    def write_people(self) -> None:
        """People for each party, in proportion to the delegations it sends."""
        weights = Counter(name for item in self.processes for plan in item.rounds for name, _ in plan.parties)
        parties = sorted(weights, key=lambda name: (-weights[name], name))
        shares = proportional(self.plan.people, [weights[name] for name in parties])
        taken = set(Person.objects.values_list("slug", flat=True))
        people, speakers = [], []
        for name, share in zip(parties, shares, strict=True):
            profile = words.PARTIES[name]
            pool = []
            for index in range(share):
                full_name, aliases = words.person_name(self.rng, self._faker, profile)
                title = self.rng.choice(words.HEAD_TITLES if index < 2 else words.MEMBER_TITLES)
                person = Person(
                    name=full_name, aliases="\n".join(aliases), description=f"{title}, {profile.short_name}"
                )
                person.slug = unique_slug(person_slug_base(person), taken)
                people.append(person)
                pool.append(Speaker(person=person, title=title))
            self.speakers[name] = pool
            speakers.extend(pool)
        self.everyone = speakers
        with self.bar("people", len(people)) as bar:
            self.create(Person, people, bar=bar)

    def write_delegations(self) -> None:
        plans = [plan for item in self.processes for plan in item.rounds]
        sizes = self._delegation_sizes(len(plans) * 3)
        delegations, delegation_sources, members = [], [], []
        for plan in plans:
            for name, roles in plan.parties:
                size = sizes.pop()
                note = self.rng.choice(words.DELEGATION_NOTES) if self.rng.random() < 0.15 else ""
                delegation = Delegation(round=plan.talk_round, party=self.parties[name], roles=roles, note=note)
                delegations.append(delegation)
                delegation_sources.append([plan.report])
                pool = self.speakers.get(name, [])
                chosen = []
                if pool and size:
                    head = pool[self.rng.randrange(min(2, len(pool)))]  # the first two hold the senior titles
                    chosen = [head] + self.rng.sample([s for s in pool if s is not head], min(size, len(pool)) - 1)
                if len(chosen) < size:  # only at tiny scales: a party with fewer people than seats
                    others = [speaker for speaker in self.everyone if speaker not in chosen]
                    chosen += self.rng.sample(others, size - len(chosen))
                members.append((delegation, plan.report, chosen))
        with self.bar("delegations and members", len(delegations) + self.plan.memberships) as bar:
            self.create(Delegation, delegations, bar=bar, sources=delegation_sources)
            memberships, membership_sources = [], []
            for delegation, report, chosen in members:
                for index, speaker in enumerate(chosen):
                    if index == 0:
                        # A host's senior official chairs the talks; every other delegation has a head.
                        role = MembershipRole.CHAIR if HOST in delegation.roles else MembershipRole.HEAD
                    else:
                        role = MembershipRole.ADVISER if "Adviser" in speaker.title else MembershipRole.MEMBER
                    memberships.append(
                        Membership(delegation=delegation, person=speaker.person, title=speaker.title, role=role)
                    )
                    membership_sources.append([report])
            refuse_second_chairs(memberships)
            self.create(Membership, memberships, bar=bar, sources=membership_sources)

    def _delegation_sizes(self, delegations: int) -> list[int]:
        """`plan.memberships` seats over the delegations: about even, some larger, some smaller."""
        cap = min(self.plan.people, MAX_DELEGATION_SIZE)
        sizes = spread(self.plan.memberships, delegations)
        self.rng.shuffle(sizes)
        for _ in range(delegations):
            giver, taker = self.rng.randrange(delegations), self.rng.randrange(delegations)
            moved = min(self.rng.randint(0, 3), sizes[giver] - 1, cap - sizes[taker])
            if giver != taker and moved > 0:
                sizes[giver] -= moved
                sizes[taker] += moved
        return sizes
