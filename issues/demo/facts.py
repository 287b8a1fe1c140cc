"""The facts of the demo record (seed-facts.md), read from the JSON files in data/facts/.

The 2026 US-brokered Russia–Ukraine rounds (Abu Dhabi twice, then Geneva) and the
parallel US–Iran round in Geneva, so that the app is never built around one conflict.
One file per kind of record; rows name the records they refer to by key. Round keys are
the slugs the rounds receive, issue keys the slugs "{process}-{topic}" they receive.
Where the sources are silent (a time of day, a URL, a member's title) the field is left
out, and a field whose name starts with "_" is a note for the reader.

- rounds.json: each round with its sessions. Only Geneva's sittings are recorded: Abu
  Dhabi II's working groups are reported without their day.
- delegations.json: round -> party -> its delegation (a negotiating party unless its
  roles say otherwise) and its members (a member unless their role says otherwise;
  their sources only where they differ from the delegation's). Attendance is left
  out: no source says who of a delegation sat in which session.
- issues.json: each process's agenda issues, in their order.
- statuses.json: issue -> round -> status, the seed's mapping table cell by cell; a
  round that did not assess an issue has no cell.
- statements.json: a statement belongs to the round during whose days it was made, and
  to that round's process; the remarks of the week before Geneva stand between rounds
  and name their process.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from delegations.models import MembershipRole, negotiating_party

FACTS_DIR = Path(__file__).resolve().parent / "data" / "facts"
FILES = (
    "sources", "processes", "parties", "people", "rounds", "delegations",
    "issues", "statuses", "positions", "agreements", "statements",
)  # fmt: skip

# Changing this namespace, or a record's key, makes the next run load a second copy.
DEMO_NAMESPACE = uuid.UUID("8d0f7f0e-5b7a-4c1e-9a43-2f6a1c3b9e52")

Facts = dict[str, dict[str, Any]]
Row = dict[str, Any]


@functools.cache
def read() -> Facts:
    """The contents of the data files, by file name (read once a process)."""
    return {name: json.loads((FACTS_DIR / f"{name}.json").read_text(encoding="utf-8")) for name in FILES}


def demo_uuid(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


def demo_rows(facts: Facts) -> Iterator[tuple[str, str, Row]]:
    """Every record of the demo as (kind, key, row), kind after kind, each kind after the kinds it names."""
    yield from _keyed("source", facts["sources"])
    yield from _keyed("process", {slug: {**row, "slug": slug} for slug, row in facts["processes"].items()})
    yield from _keyed("party", facts["parties"])
    for key, row in facts["people"].items():
        yield "person", key, {**row, "aliases": "\n".join(row.get("aliases", []))}
    rounds = facts["rounds"]
    yield from _keyed("round", {slug: _without(row, "sessions") for slug, row in rounds.items()})
    for round_key, row in rounds.items():
        for session in row.get("sessions", []):
            yield "session", f"{round_key}/{session['date']}/{session['track']}", {**session, "round": round_key}
    delegations = [
        (f"{round_key}/{party_key}", round_key, party_key, row)
        for round_key, by_party in facts["delegations"].items()
        for party_key, row in by_party.items()
    ]
    for key, round_key, party_key, row in delegations:
        delegation = {"roles": negotiating_party(), **_without(row, "members")}
        yield "delegation", key, {**delegation, "round": round_key, "party": party_key}
    for key, _, _, row in delegations:
        for seat in row.get("members", []):
            membership = {"role": MembershipRole.MEMBER.value, "sources": row["sources"], **seat}
            yield "membership", f"{key}/{seat['person']}", {**membership, "delegation": key}
    for process_key, issues in facts["issues"].items():
        for order, row in enumerate(issues, start=1):
            yield "issue", f"{process_key}-{row['topic']}", {**row, "process": process_key, "sort_order": order}
    for issue_key, by_round in facts["statuses"].items():
        for round_key, row in by_round.items():
            yield "status", f"{issue_key}@{round_key}", {**row, "issue": issue_key, "round": round_key}
    for issue_key, by_party in facts["positions"].items():
        for party_key, row in by_party.items():
            yield "position", f"{issue_key}/{party_key}@{row['round']}", {**row, "issue": issue_key, "party": party_key}
    yield from _keyed("agreement", facts["agreements"])
    for key, row in facts["statements"].items():
        process = row["process"] if "process" in row else rounds[row["round"]]["process"]
        yield "statement", key, {**row, "process": process}


def _keyed(kind: str, rows: dict[str, Row]) -> Iterator[tuple[str, str, Row]]:
    for key, row in rows.items():
        yield kind, key, row


def _without(row: Row, *names: str) -> Row:
    return {name: value for name, value in row.items() if name not in names}
