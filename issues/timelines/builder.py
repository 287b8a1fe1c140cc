"""An agenda issue's timeline: the story of the issue across rounds, built from its public record.

`build()` is pure: the same inputs give the same entries, in the same order. `load()`
reads the inputs of one issue from the database (the public record only: published
records, and withdrawn or superseded ones as correction notices), and `fingerprint()`
condenses them into a digest that changes whenever any record behind the timeline does.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Publishable, Statement
from issues.vocabulary import AssessmentStatus
from rounds.dates import DatePrecision, format_day

# Bumped when the builder changes what it makes: every fingerprint changes with it, so
# reconciliation rebuilds every timeline once after such a release.
BUILDER_VERSION = 2


class EntryKind:
    """What a timeline entry tells: a status change, a statement, a position change, an
    agreement, or a correction."""

    STATUS_CHANGE = "status_change"
    STATEMENT = "statement"
    POSITION_CHANGE = "position_change"
    AGREEMENT = "agreement"
    CORRECTION = "correction"

    choices = [
        (STATUS_CHANGE, "status change"),
        (STATEMENT, "statement"),
        (POSITION_CHANGE, "position change"),
        (AGREEMENT, "agreement"),
        (CORRECTION, "correction"),
    ]


# On one day: what changed first, then what was agreed, what each side held, what was said.
_DAY_ORDER = {
    EntryKind.STATUS_CHANGE: 0,
    EntryKind.AGREEMENT: 1,
    EntryKind.POSITION_CHANGE: 2,
    EntryKind.STATEMENT: 3,
    EntryKind.CORRECTION: 4,
}


# --- inputs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    uuid: uuid.UUID
    outlet: str
    title: str
    url: str


@dataclass(frozen=True)
class Notice:
    """How a record that left the public record is shown: withdrawn (with its note) or superseded."""

    state: str
    on: datetime.date
    note: str


@dataclass(frozen=True)
class Input:
    """One public record behind the timeline, reduced to what the timeline shows."""

    kind: str  # status, position, agreement, statement
    record_type: str
    uuid: uuid.UUID
    date: datetime.date
    date_precision: str
    round_id: int | None
    published_at: datetime.datetime | None
    party_id: int | None = None
    party_name: str = ""
    title: str = ""
    text: str = ""
    value: str = ""  # the status word, or the position's stance
    sources: tuple[SourceRef, ...] = ()
    notice: Notice | None = None
    pk: int = 0


@dataclass(frozen=True)
class Inputs:
    issue_id: int
    issue_name: str
    records: tuple[Input, ...]


# --- output --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltEntry:
    """A timeline entry as the builder makes it; stored, it is a TimelineEntry."""

    key: str
    kind: str
    date: datetime.date
    date_precision: str
    round_id: int | None
    title: str
    text: str
    party_id: int | None
    before: str
    after: str
    record_type: str
    record_uuid: uuid.UUID
    sources: tuple[SourceRef, ...]


def _sort_key(record: Input) -> tuple[datetime.date, datetime.datetime, int]:
    return (record.date, record.published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC), record.pk)


def build(inputs: Inputs) -> list[BuiltEntry]:
    """The issue's timeline entries, ordered by date (then by kind and key)."""
    entries: list[BuiltEntry] = []
    public = [record for record in inputs.records if record.notice is None]
    by_kind: dict[str, list[Input]] = {}
    for record in sorted(public, key=_sort_key):
        by_kind.setdefault(record.kind, []).append(record)

    previous_status = ""
    for status in by_kind.get("status", []):
        before, after = previous_status, status.value
        label = AssessmentStatus(after).label
        title = f"{inputs.issue_name}: {label}" if not before else (
            f"{inputs.issue_name}: {AssessmentStatus(before).label} → {label}"
        )  # fmt: skip
        entries.append(_entry(status, EntryKind.STATUS_CHANGE, title, status.text, before=before, after=after))
        previous_status = after

    previous_stance: dict[int | None, str] = {}
    for position in by_kind.get("position", []):
        before = previous_stance.get(position.party_id, "")
        title = f"{position.party_name}: {position.value}"
        stance = position.value
        entries.append(_entry(position, EntryKind.POSITION_CHANGE, title, position.text, before=before, after=stance))
        previous_stance[position.party_id] = position.value

    for agreement in by_kind.get("agreement", []):
        entries.append(_entry(agreement, EntryKind.AGREEMENT, agreement.title, agreement.text))

    for statement in by_kind.get("statement", []):
        entries.append(_entry(statement, EntryKind.STATEMENT, statement.title, statement.text))

    for record in inputs.records:
        if record.notice is not None:
            entries.append(_correction(record))

    entries.sort(key=lambda entry: (entry.date, _DAY_ORDER[entry.kind], entry.key))
    return entries


def _entry(record: Input, kind: str, title: str, text: str, *, before: str = "", after: str = "") -> BuiltEntry:
    return BuiltEntry(
        key=f"{kind}:{record.uuid}",
        kind=kind,
        date=record.date,
        date_precision=record.date_precision,
        round_id=record.round_id,
        title=title,
        text=text,
        party_id=record.party_id,
        before=before,
        after=after,
        record_type=record.record_type,
        record_uuid=record.uuid,
        sources=record.sources,
    )


def _correction(record: Input) -> BuiltEntry:
    """The notice of a record that left the public record, dated where that record stood
    in the story (its round, or its own date between rounds), not on the day of the notice:
    a correction of an assessment made at a round is part of that round's story, and its
    title says when it was withdrawn or corrected."""
    notice = record.notice
    assert notice is not None  # build() hands over only the records with a notice
    what = {"status": "status", "position": "position", "agreement": "agreement", "statement": "statement"}[record.kind]
    if notice.state == PublicationState.WITHDRAWN:
        title = f"Withdrawn on {format_day(notice.on)}: the {what} “{record.title or record.value}”"
        text = notice.note
    else:
        title = f"Corrected on {format_day(notice.on)}: the {what} “{record.title or record.value}”"
        text = "A correction replaced this record; the corrected version is on the timeline."
    return BuiltEntry(
        key=f"{EntryKind.CORRECTION}:{record.uuid}",
        kind=EntryKind.CORRECTION,
        date=record.date,
        date_precision=record.date_precision,
        round_id=record.round_id,
        title=title,
        text=text,
        party_id=record.party_id,
        before="",
        after="",
        record_type=record.record_type,
        record_uuid=record.uuid,
        sources=record.sources,
    )


# --- reading the inputs ---------------------------------------------------------------------

# Plain values, not model instances: an issue of a large record has hundreds of statements,
# and the timelines of every issue are read by each reconciliation.
_PUBLICATION = ("pk", "uuid", "state", "published_at", "withdrawn_on", "correction_note", "superseded_at")
_DATING = ("round_id", "round__start_date", "round__end_date", "date", "date_precision")


def _sources(model: type[Publishable], pks: list[int]) -> dict[int, tuple[SourceRef, ...]]:
    """The sources each record cites, in one query."""
    through = model.sources.through
    owner = f"{model._meta.model_name}_id"
    rows = (
        through.objects.filter(**{f"{owner}__in": pks})
        .order_by(owner, "source_id")
        .values_list(owner, "source__uuid", "source__outlet", "source__title", "source__url")
    )
    cited: dict[int, list[SourceRef]] = {}
    for pk, *source in rows:
        cited.setdefault(pk, []).append(SourceRef(*source))
    return {pk: tuple(sources) for pk, sources in cited.items()}


def _notice(row: dict[str, Any], effective_date: datetime.date) -> Notice | None:
    if row["state"] == PublicationState.WITHDRAWN:
        return Notice(row["state"], row["withdrawn_on"], row["correction_note"])
    if row["state"] == PublicationState.SUPERSEDED:
        on = timezone.localdate(row["superseded_at"]) if row["superseded_at"] else effective_date
        return Notice(row["state"], on, "")
    return None


def _common(
    model: type[Publishable],
    kind: str,
    row: dict[str, Any],
    sources: dict[int, tuple[SourceRef, ...]],
    *,
    own_date: bool = False,
) -> dict[str, Any]:
    """What every input shares: identity, publication, sources, and where it sits in time
    (an assessment: its round's last day, or its own date between rounds; a statement: its
    own date, always)."""
    if row["round_id"] and not own_date:
        date, precision = row["round__end_date"] or row["round__start_date"], DatePrecision.DAY
    else:
        date, precision = row["date"], row["date_precision"]
    return {"kind": kind, "record_type": model._meta.label_lower, "uuid": row["uuid"], "pk": row["pk"],
            "published_at": row["published_at"], "sources": sources.get(row["pk"], ()),
            "notice": _notice(row, date), "date": date, "date_precision": precision,
            "round_id": row["round_id"]}  # fmt: skip


def load(issue_id: int) -> Inputs:
    """The public record behind one issue's timeline, in a fixed number of queries."""
    issue_name = Issue.objects.filter(pk=issue_id).values_list("name", flat=True).get()
    records: list[Input] = []

    statuses = list(
        IssueStatus.objects.public().filter(issue_id=issue_id).order_by("id")
        .values(*_PUBLICATION, *_DATING, "status", "summary")
    )  # fmt: skip
    sources = _sources(IssueStatus, [row["pk"] for row in statuses])
    for row in statuses:
        records.append(Input(**_common(IssueStatus, "status", row, sources), value=row["status"],
                             text=row["summary"], title=AssessmentStatus(row["status"]).label))  # fmt: skip

    positions = list(
        Position.objects.public().filter(issue_id=issue_id).order_by("id")
        .values(*_PUBLICATION, *_DATING, "party_id", "party__name", "stance", "text")
    )  # fmt: skip
    sources = _sources(Position, [row["pk"] for row in positions])
    for row in positions:
        records.append(Input(**_common(Position, "position", row, sources), party_id=row["party_id"],
                             party_name=row["party__name"], value=row["stance"], text=row["text"]))  # fmt: skip

    agreements = list(
        Agreement.objects.public().filter(issues=issue_id).order_by("id")
        .values(*_PUBLICATION, *_DATING, "title", "terms")
    )  # fmt: skip
    pks = [row["pk"] for row in agreements]
    sources = _sources(Agreement, pks)
    bound: dict[int, list[str]] = {}
    parties = Agreement.parties.through.objects.filter(agreement_id__in=pks).values_list("agreement_id", "party__name")
    for pk, name in parties:
        bound.setdefault(pk, []).append(name)
    for row in agreements:
        names = ", ".join(sorted(bound.get(row["pk"], [])))
        text = row["terms"] if not names else f"{row['terms']}\n\nParties: {names}."
        records.append(Input(**_common(Agreement, "agreement", row, sources), title=row["title"], text=text))

    statements = list(
        Statement.objects.public().filter(issue_links__issue_id=issue_id).order_by("id")
        .values(*_PUBLICATION, *_DATING, "speaker__name", "speaker_description", "party_id", "party__name",
                "text", "translation")
    )  # fmt: skip
    sources = _sources(Statement, [row["pk"] for row in statements])
    for row in statements:
        speaker = row["speaker__name"] or row["speaker_description"] or "unknown speaker"
        title = speaker + (f" ({row['party__name']})" if row["party_id"] else "")
        text = row["text"] if not row["translation"] else f"{row['text']}\n\n{row['translation']}"
        fields = _common(Statement, "statement", row, sources, own_date=True)
        records.append(Input(**fields, party_id=row["party_id"], title=title, text=text))
    return Inputs(issue_id=issue_id, issue_name=issue_name, records=tuple(records))


def fingerprint(inputs: Inputs) -> str:
    """A digest of everything the builder reads (and of the builder's version): an edit
    that changes nothing the timeline shows (a person's description) leaves it alone."""
    return hashlib.sha256(f"builder:{BUILDER_VERSION}\n{inputs!r}".encode()).hexdigest()
