"""Write a large invented record into the configured database, for benchmarks.

At scale 1: 4 processes, 200 rounds, 600 delegations, about 5,000 memberships, 400
people, 40 agenda issues per process with one published status per issue per round,
a few hundred positions, 12,500 sources and 50,000 published statements, each linked to
1–3 issues of its process and citing a source. `--scale` multiplies the counts (at
least one of each); `--seed` makes a run reproducible: the same seed writes the same
record (names, dates, texts, links), with fresh UUIDs and timestamps.

Everything goes through the bulk path of the services (`negotrack.bulk.create_records`),
with its history and change-log rows, in one transaction: a failed run leaves nothing.
The slug rules of the services are applied here set-wise, against the slugs already
taken, instead of one query per record.
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from tqdm import tqdm

from delegations.models import Delegation, Membership, Party, Person
from issues.management.commands import _bench_words as words
from issues.models import Issue, IssueStatus, Position, PublicationState, Publishable, Statement, StatementIssue
from issues.services import refresh_current_position, refresh_current_status, statement_date_warning
from issues.timelines import rebuild
from issues.vocabulary import AssessmentStatus
from negotrack.bulk import create_records
from negotrack.groups import system_user
from rounds.models import Process, Round, Session, Source

# The invented record ends here, so that the same seed writes the same dates on any day.
END_OF_RECORD = datetime.date(2026, 6, 30)
MAX_DELEGATION_SIZE = 15
STATEMENT_CHUNK = 2000  # statements (and their issue links) written and dropped at a time


def _spread(total: int, parts: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers, the larger ones first."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


@dataclass(frozen=True)
class Plan:
    """How many records of each kind a scale asks for."""

    scale: float
    rounds_per_process: tuple[int, ...]
    sources_per_process: tuple[int, ...]
    statements_per_process: tuple[int, ...]
    positions_per_process: tuple[int, ...]
    issues_per_process: int
    people: int
    memberships: int

    @classmethod
    def for_scale(cls, scale: float) -> Plan:
        def scaled(count: int) -> int:
            return max(1, round(count * scale))

        processes = scaled(4)
        rounds = _spread(max(processes, scaled(200)), processes)
        issues_per_process = max(1, round(160 * scale / processes))
        # Every round has a report of its own, whatever the scale.
        sources = [max(count, share) for count, share in zip(rounds, _spread(scaled(12_500), processes), strict=True)]
        positions = [
            min(share, issues_per_process * 2 * count)
            for count, share in zip(rounds, _spread(scaled(400), processes), strict=True)
        ]
        people = scaled(400)
        # A delegation cannot hold more people than there are.
        memberships = min(scaled(5000), 3 * sum(rounds) * min(people, MAX_DELEGATION_SIZE))
        return cls(
            scale=scale,
            rounds_per_process=tuple(rounds),
            sources_per_process=tuple(sources),
            statements_per_process=tuple(_spread(scaled(50_000), processes)),
            positions_per_process=tuple(positions),
            issues_per_process=issues_per_process,
            people=people,
            memberships=memberships,
        )

    @property
    def processes(self) -> int:
        return len(self.rounds_per_process)

    @property
    def rounds(self) -> int:
        return sum(self.rounds_per_process)

    @property
    def delegations(self) -> int:
        return 3 * self.rounds

    @property
    def issues(self) -> int:
        return self.processes * self.issues_per_process

    @property
    def statuses(self) -> int:
        return self.issues_per_process * self.rounds

    @property
    def sources(self) -> int:
        return sum(self.sources_per_process)

    @property
    def statements(self) -> int:
        return sum(self.statements_per_process)

    @property
    def positions(self) -> int:
        return sum(self.positions_per_process)


@dataclass
class RoundPlan:
    talk_round: Round
    template: words.ProcessTemplate
    parties: list[tuple[str, str]]  # (party name, delegation role), the two sides first
    report: Source | None = None
    sessions: list[Session] = field(default_factory=list)
    sessions_on: dict[datetime.date, list[Session]] = field(default_factory=dict)


@dataclass
class ProcessPlan:
    process: Process
    template: words.ProcessTemplate
    rounds: list[RoundPlan] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    begins: datetime.date | None = None
    ends: datetime.date | None = None


@dataclass
class Speaker:
    person: Person
    title: str


class Command(BaseCommand):
    help = "Write a large invented record (for benchmarks) into the configured database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="multiplies every count (1: 50,000 statements)")
        parser.add_argument("--seed", type=int, default=1, help="the same seed writes the same record (default 1)")
        parser.add_argument(
            "--append",
            action="store_true",
            help="add to a database that already holds processes (by default the command refuses)",
        )

    def handle(self, *args, scale: float, seed: int, append: bool, **options):
        if not scale > 0:
            raise CommandError(f"--scale must be a positive number, not {scale}.")
        existing = Process.objects.count()
        if existing and not append:
            raise CommandError(
                f"This database already holds {existing} negotiation process{'es' if existing > 1 else ''}. "
                "generate_bench_data is meant for an empty database: create one and migrate it, or pass "
                "--append to add the invented record to what is there."
            )
        plan = Plan.for_scale(scale)
        started = time.monotonic()
        progress_file = getattr(self.stderr, "_out", sys.stderr)
        last_issue = Issue.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with transaction.atomic():
            counts = Generator(plan, seed=seed, by=system_user(), progress_file=progress_file).run()
            if connection.vendor == "postgresql":
                # Fresh planner statistics for tables that just grew a hundredfold, before
                # anything reads them (the timeline rebuilds below, after the commit).
                transaction.on_commit(_analyze)
            # The bulk path sends no record_changed: mark the new issues' timelines here, which
            # rebuilds them after the commit (in this process without a broker, else in the worker).
            rebuild.mark(Issue.objects.filter(pk__gt=last_issue).values_list("pk", flat=True))
        elapsed = time.monotonic() - started
        summary = ", ".join(
            f"{count:,} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
            for model, count in counts.items()
            if count
        )
        self.stdout.write(f"Wrote {summary} (scale {scale:g}, seed {seed}) in {elapsed:.1f} s.")


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Generator:
    def __init__(self, plan: Plan, *, seed: int, by, progress_file):
        self.plan = plan
        self.by = by
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        self.seed = seed
        self.progress_file = progress_file
        self.counts: Counter[type] = Counter()
        self.now = timezone.now()
        self.end_of_record = min(END_OF_RECORD, timezone.localdate() - datetime.timedelta(days=1))
        self.processes: list[ProcessPlan] = []
        self.parties: dict[str, Party] = {}
        self.speakers: dict[str, list[Speaker]] = {}  # party name -> its people
        self.everyone: list[Speaker] = []

    # --- the phases ----------------------------------------------------------------

    def run(self) -> Counter[type]:
        self.write_processes()
        self.plan_rounds()
        self.write_parties()
        self.write_sources()
        self.write_rounds()
        self.write_people()
        self.write_delegations()
        self.write_issues()
        self.write_statuses()
        self.write_positions()
        self.write_statements()
        return self.counts

    def create(self, model, records, *, bar=None, **m2m) -> list:
        if issubclass(model, Publishable):
            # What issues.services.publish requires of every record it publishes.
            uncited = [number for number, cited in enumerate(m2m.get("sources", [[]] * len(records)), 1) if not cited]
            if uncited:
                raise ValidationError(
                    f"{model._meta.verbose_name} {uncited[0]}: cite at least one source before publishing."
                )
        created = create_records(model, records, by=self.by, m2m=m2m or None)
        self.counts[model] += len(created)
        if bar is not None:
            bar.update(len(created))
        return created

    def bar(self, description: str, total: int) -> tqdm:
        # disable=None: no bar when the output is not a terminal (a log file, a test).
        return tqdm(total=total, desc=description, unit=" records", file=self.progress_file, disable=None)

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
                third = (place.host, "host") if place.host and self.rng.random() < 0.25 else (mediator, "mediator")
                if third[0] in template.sides:
                    third = (mediator, "mediator")
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
                talk_round.slug = self._round_slug(talk_round, taken)
                parties = [(side, "negotiating_party") for side in template.sides] + [third]
                item.rounds.append(RoundPlan(talk_round=talk_round, template=template, parties=parties))

    @staticmethod
    def _round_slug(talk_round: Round, taken: set[str]) -> str:
        """rounds.services.assign_round_slug, against a set of taken slugs instead of a query each."""
        base = f"{slugify(talk_round.city) or 'round'}-{talk_round.start_date.isoformat()}"
        process_slug = talk_round.process.slug
        candidates = [base, f"{process_slug}-{base}"] + [f"{process_slug}-{base}-{n}" for n in range(2, 100)]
        slug = next(slug for slug in candidates if slug not in taken)
        taken.add(slug)
        return slug

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
                name=name, short_name=profile.short_name, kind=profile.kind, slug=_unique(slugify(name), taken)
            )
            self.parties[name] = party
            new.append(party)
        self.create(Party, new)

    def write_sources(self) -> None:
        with self.bar("sources", self.plan.sources) as bar:
            for item, count in zip(self.processes, self.plan.sources_per_process, strict=True):
                outlets = words.GENERAL_OUTLETS + item.template.outlets
                dated: list[tuple[datetime.date, RoundPlan | None]] = []
                for plan in item.rounds:
                    dated.append((plan.talk_round.end_date, plan))
                for _ in range(count - len(item.rounds)):
                    if self.rng.random() < 0.6:
                        plan = self.rng.choice(item.rounds)
                        first, last = plan.talk_round.start_date, plan.talk_round.end_date + datetime.timedelta(days=1)
                        day = first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))
                    else:
                        plan = None
                        day = item.begins + datetime.timedelta(days=self.rng.randint(0, (item.ends - item.begins).days))
                    dated.append((min(day, item.ends), plan))
                base, relayed = [], []
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

    def _source(self, item: ProcessPlan, day, plan: RoundPlan | None, outlet: words.Outlet, *, number: int) -> Source:
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
            days = (talk_round.end_date - talk_round.start_date).days + 1
            place = next(place for place in plan.template.places if place.city == talk_round.city)
            for index in range(self.rng.randint(1, 3)):
                day = talk_round.start_date + datetime.timedelta(days=min(index, days - 1))
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
        shares = _proportional(self.plan.people, [weights[name] for name in parties])
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
                # delegations.services.person_save
                person.slug = _unique(slugify(full_name) or f"person-{person.uuid.hex[:8]}", taken)
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
            for name, role in plan.parties:
                size = sizes.pop()
                note = self.rng.choice(words.DELEGATION_NOTES) if self.rng.random() < 0.15 else ""
                delegation = Delegation(round=plan.talk_round, party=self.parties[name], role=role, note=note)
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
                        role = Membership.Role.HEAD
                    else:
                        role = Membership.Role.ADVISER if "Adviser" in speaker.title else Membership.Role.MEMBER
                    memberships.append(
                        Membership(delegation=delegation, person=speaker.person, title=speaker.title, role=role)
                    )
                    membership_sources.append([report])
            self.create(Membership, memberships, bar=bar, sources=membership_sources)

    def _delegation_sizes(self, delegations: int) -> list[int]:
        """`plan.memberships` seats over the delegations: about even, some larger, some smaller."""
        cap = min(self.plan.people, MAX_DELEGATION_SIZE)
        sizes = _spread(self.plan.memberships, delegations)
        self.rng.shuffle(sizes)
        for _ in range(delegations):
            giver, taker = self.rng.randrange(delegations), self.rng.randrange(delegations)
            moved = min(self.rng.randint(0, 3), sizes[giver] - 1, cap - sizes[taker])
            if giver != taker and moved > 0:
                sizes[giver] -= moved
                sizes[taker] += moved
        return sizes

    def write_issues(self) -> None:
        issues = []
        for item in self.processes:
            for order in range(self.plan.issues_per_process):
                topic = words.TOPICS[order % len(words.TOPICS)]
                round_number = order // len(words.TOPICS)
                slug_topic = topic.slug if not round_number else f"{topic.slug}-{round_number + 1}"
                issue = Issue(
                    process=item.process,
                    topic=slug_topic,
                    slug=f"{item.process.slug}-{slugify(slug_topic)}",  # issues.services.issue_save
                    name=topic.name if not round_number else f"{topic.name} ({round_number + 1})",
                    description=topic.description,
                    sort_order=order + 1,
                )
                item.issues.append(issue)
                issues.append(issue)
        self.create(Issue, issues)

    def write_statuses(self) -> None:
        ladder = list(AssessmentStatus)
        with self.bar("issue statuses", self.plan.statuses) as bar:
            for item in self.processes:
                steps = {issue.pk: self.rng.choice((3, 4, 4, 5)) for issue in item.issues}
                statuses, sources = [], []
                for plan in item.rounds:
                    for issue in item.issues:
                        roll = self.rng.random()
                        move = 0 if roll < 0.55 else (1 if roll < 0.79 else -1)  # drifting up, slowly
                        steps[issue.pk] = max(0, min(len(ladder) - 1, steps[issue.pk] + move))
                        status = ladder[steps[issue.pk]]
                        statuses.append(
                            IssueStatus(
                                issue=issue,
                                round=plan.talk_round,
                                status=status,
                                summary=f"{status.definition} {self.rng.choice(words.STATUS_NOTES)}".strip(),
                                **self._published(plan.talk_round.end_date),
                            )
                        )
                        sources.append([plan.report])
                self.create(IssueStatus, statuses, bar=bar, sources=sources)
        with self.bar("current statuses", self.plan.issues) as bar:
            for item in self.processes:
                for issue in item.issues:
                    refresh_current_status(issue)
                    bar.update(1)

    def write_positions(self) -> None:
        positions, sources = [], []
        for item, count in zip(self.processes, self.plan.positions_per_process, strict=True):
            combinations = len(item.issues) * 2 * len(item.rounds)
            for code in sorted(self.rng.sample(range(combinations), count)):
                plan = item.rounds[code // (2 * len(item.issues))]
                issue = item.issues[code % len(item.issues)]
                side = item.template.sides[(code // len(item.issues)) % 2]
                stance = self.rng.choice(words.STANCES).format(issue=words.topic_of(issue).phrase)
                positions.append(
                    Position(
                        issue=issue,
                        party=self.parties[side],
                        round=plan.talk_round,
                        stance=stance[:200],
                        text=words.position_text(self.rng, side, words.topic_of(issue)),
                        **self._published(plan.talk_round.end_date),
                    )
                )
                sources.append([plan.report])
        with self.bar("positions", len(positions)) as bar:
            self.create(Position, positions, bar=bar, sources=sources)
            for issue_id, party_id in dict.fromkeys((p.issue_id, p.party_id) for p in positions):
                refresh_current_position(issue_id, party_id)

    def write_statements(self) -> None:
        with self.bar("statements", self.plan.statements) as bar:
            for item, count in zip(self.processes, self.plan.statements_per_process, strict=True):
                rounds_on = {
                    plan.talk_round.start_date + datetime.timedelta(days=offset): plan
                    for plan in item.rounds
                    for offset in range((plan.talk_round.end_date - plan.talk_round.start_date).days + 1)
                }
                for start in range(0, count, STATEMENT_CHUNK):
                    statements, sources, issue_lists = [], [], []
                    for _ in range(min(STATEMENT_CHUNK, count - start)):
                        statement, cited, issues = self._statement(item, rounds_on)
                        statements.append(statement)
                        sources.append(cited)
                        issue_lists.append(issues)
                    self.create(Statement, statements, sources=sources)
                    links = [
                        StatementIssue(statement=statement, issue=issue)
                        for statement, issues in zip(statements, issue_lists, strict=True)
                        for issue in issues
                    ]
                    self.create(StatementIssue, links)
                    bar.update(len(statements))

    def _statement(self, item: ProcessPlan, rounds_on: dict) -> tuple[Statement, list[Source], list[Issue]]:
        rng = self.rng
        source = rng.choice(item.sources)
        cited = [source]
        if rng.random() < 0.1:
            other = rng.choice(item.sources)
            if other is not source:
                cited.append(other)
        day = max(item.begins, source.published_on - datetime.timedelta(days=rng.choice((0, 0, 0, 1))))
        plan = rounds_on.get(day)
        session = rng.choice(plan.sessions_on[day]) if plan and day in plan.sessions_on else None
        party_names = (
            [name for name, _ in plan.parties]
            if plan
            else list(item.template.sides) * 2 + [rng.choice(item.template.mediators)]
        )
        party_name = rng.choice(party_names)
        profile = words.PARTIES[party_name]
        pool = self.speakers.get(party_name)
        speaker = rng.choice(pool) if pool and rng.random() < 0.85 else None
        unnamed = "" if speaker else rng.choice(words.UNNAMED).format(adj=profile.adjective)
        issues = rng.sample(item.issues, min(rng.choice((1, 1, 2, 2, 2, 3)), len(item.issues)))
        kind = Statement.Kind.QUOTE if rng.random() < 0.7 else Statement.Kind.PARAPHRASE
        other_side = next((side for side in item.template.sides if side != party_name), item.template.sides[0])
        text = words.statement_text(
            rng,
            kind=kind,
            speaker=speaker.person.name.split()[-1] if speaker else unnamed,
            other=words.PARTIES[other_side].capital,
            city=plan.talk_round.city if plan else rng.choice(item.template.places).city,
            topics=[words.topic_of(issue) for issue in issues],
        )
        language, translation = "en", ""
        if profile.language in ("ru", "uk") and rng.random() < 0.15:
            language, translation = profile.language, text
            # Faker's Russian and Ukrainian words stand in for the original, sentence for sentence.
            sentences = text.count(". ") + 1
            text = self._faker(profile.language).paragraph(nb_sentences=sentences, variable_nb_sentences=False)
        statement = Statement(
            process=item.process,
            round=plan.talk_round if plan else None,
            session=session,
            speaker=speaker.person if speaker else None,
            speaker_description=unnamed,
            party=self.parties[party_name],
            speaker_title=speaker.title if speaker else "",
            date=day,
            medium=rng.choice(words.MEDIA_AT_ROUND if plan else words.MEDIA_BETWEEN_ROUNDS),
            kind=kind,
            language=language,
            text=text,
            translation=translation,
            **self._published(day),
        )
        # What statement_save asks an editor to confirm never comes up here; if it did, stop.
        warning = statement_date_warning(statement)
        if warning:
            raise ValidationError({"date": warning})
        return statement, cited, issues

    # --- helpers -------------------------------------------------------------------

    def _published(self, day: datetime.date) -> dict:
        """What `issues.services.publish` sets; `full_clean` computes the effective date."""
        moment = datetime.datetime.combine(
            day + datetime.timedelta(days=1),
            datetime.time(8 + self.rng.randrange(10), self.rng.randrange(60)),
            tzinfo=datetime.UTC,
        )
        return {"state": PublicationState.PUBLISHED, "published_at": min(moment, self.now), "published_by": self.by}

    def _faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            fake = Faker(words.FAKER_LOCALES.get(locale, locale))
            fake.seed_instance(f"{self.seed}-{locale}")
            self.fakers[locale] = fake
        return self.fakers[locale]


def _unique(base: str, taken: set[str]) -> str:
    """delegations.services.unique_slug, against a set of taken slugs instead of a query each."""
    base = base[:70] or "item"
    slug = base if base not in taken else next(f"{base}-{n}" for n in range(2, 100_000) if f"{base}-{n}" not in taken)
    taken.add(slug)
    return slug


def _proportional(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), at least one each while it lasts."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda index: (shares[index] > 0, -(exact[index] - shares[index])))
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    return shares
