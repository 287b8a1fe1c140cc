"""How many records of each kind a scale asks for, and what the generator plans before
it writes a process's rounds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import cast

from delegations.models import Person
from issues.demo.bench.words import ProcessTemplate
from issues.models import Issue
from rounds.models import Process, Round, Session, Source

MAX_DELEGATION_SIZE = 15


def spread(total: int, parts: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers, the larger ones first."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def proportional(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), at least one each while it lasts."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda index: (shares[index] > 0, -(exact[index] - shares[index])))
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    return shares


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
        rounds = spread(max(processes, scaled(200)), processes)
        issues_per_process = max(1, round(160 * scale / processes))
        # Every round has a report of its own, whatever the scale.
        sources = [max(count, share) for count, share in zip(rounds, spread(scaled(12_500), processes), strict=True)]
        positions = [
            min(share, issues_per_process * 2 * count)
            for count, share in zip(rounds, spread(scaled(400), processes), strict=True)
        ]
        people = scaled(400)
        # A delegation cannot hold more people than there are.
        memberships = min(scaled(5000), 3 * sum(rounds) * min(people, MAX_DELEGATION_SIZE))
        return cls(
            scale=scale,
            rounds_per_process=tuple(rounds),
            sources_per_process=tuple(sources),
            statements_per_process=tuple(spread(scaled(50_000), processes)),
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
    template: ProcessTemplate
    parties: list[tuple[str, list[str]]]  # (party name, its delegation's roles), the two sides first
    report: Source | None = None
    sessions: list[Session] = field(default_factory=list)
    sessions_on: dict[datetime.date, list[Session]] = field(default_factory=dict)

    # The generator dates every round it plans; the model allows rounds without dates.
    @property
    def first_day(self) -> datetime.date:
        return cast(datetime.date, self.talk_round.start_date)

    @property
    def last_day(self) -> datetime.date:
        return cast(datetime.date, self.talk_round.end_date)


@dataclass
class ProcessPlan:
    process: Process
    template: ProcessTemplate
    rounds: list[RoundPlan] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    begins: datetime.date | None = None
    ends: datetime.date | None = None


@dataclass
class Speaker:
    person: Person
    title: str
