"""The order in which a round document's records are written: each source after the one it
is known through, each correction after the record it corrects."""

from __future__ import annotations

from issues.models import PublicationState
from issues.roundio.reading import DocumentRecord


def via_first(
    entries: list[DocumentRecord], sources: dict[str, DocumentRecord], problems: list[str]
) -> list[DocumentRecord]:
    """Sources after the sources they are known through (`via`); a loop is a problem."""
    ordered: list[DocumentRecord] = []
    placed: set[str] = set()
    for entry in entries:
        trail: list[DocumentRecord] = []
        current: DocumentRecord | None = entry
        while current is not None and current.key not in placed:
            if current in trail:
                loop = " → ".join(e.path for e in trail[trail.index(current) :] + [current])
                problems.append(f"{entry.path}.via: the sources are known through each other in a loop: {loop}")
                return entries
            trail.append(current)
            current = sources.get(current.data["via"] or "")
        for known in reversed(trail):
            ordered.append(known)
            placed.add(known.key)
    return ordered


def correction_chains(entries: list[DocumentRecord], problems: list[str]) -> tuple[list[DocumentRecord], set[str]]:
    """Publishable records in chains of corrections, the chains that end in a withdrawal
    first; and the UUIDs of the records whose correction is in the document."""
    by_uuid = {entry.key: entry for entry in entries}
    correction_of: dict[str, DocumentRecord] = {}
    for entry in entries:
        revised = entry.data["revises"]
        if revised in by_uuid:
            if revised in correction_of:
                problems.append(
                    f"{entry.path}.revises: {correction_of[revised].path} corrects the same record, and a "
                    "record has one correction at most"
                )
            correction_of[revised] = entry
    chains: list[list[DocumentRecord]] = []
    for entry in entries:
        if entry.data["revises"] in by_uuid:
            continue
        chain = [entry]
        while chain[-1].key in correction_of:
            chain.append(correction_of[chain[-1].key])
        chains.append(chain)
    if sum(map(len, chains)) < len(entries):
        chained = {entry.key for chain in chains for entry in chain}
        loop = ", ".join(entry.path for entry in entries if entry.key not in chained)
        problems.append(f"{loop}: these records correct each other in a loop")
        return entries, set(correction_of)
    # A chain that ends published leaves one published record behind, so those come
    # last: no two records are ever published at once where the rules allow only one.
    chains.sort(key=lambda chain: chain[-1].data["state"] == PublicationState.PUBLISHED)
    return [entry for chain in chains for entry in chain], set(correction_of)
