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
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from issues.models import (
    Agreement,
    Issue,
    IssueStatus,
    Position,
    PublicationState,
    Publishable,
    Statement,
    StatementIssue,
)
from issues.vocabulary import AssessmentStatus
from rounds.dates import DatePrecision, format_day
from rounds.models import Source

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
# and the timelines of every issue are read by each reconciliation. Every kind of record is
# read as a tuple: the issue, the columns of _COMMON (which `_common` takes by position),
# then its own.
_COMMON = ("pk", "uuid", "state", "published_at", "withdrawn_on", "correction_note", "superseded_at",
           "round_id", "round__start_date", "round__end_date", "date", "date_precision")  # fmt: skip
_OWN = 1 + len(_COMMON)  # where a record's own columns start
_PUBLISHED = PublicationState.PUBLISHED.value  # most records: no notice to make


def _notice(
    state: str, withdrawn_on: Any, note: str, superseded_at: Any, effective_date: datetime.date
) -> Notice | None:
    if state == PublicationState.WITHDRAWN:
        return Notice(state, withdrawn_on, note)
    if state == PublicationState.SUPERSEDED:
        on = timezone.localdate(superseded_at) if superseded_at else effective_date
        return Notice(state, on, "")
    return None


def _common(
    model: type[Publishable],
    kind: str,
    row: tuple[Any, ...],
    sources: dict[int, tuple[SourceRef, ...]],
    *,
    own_date: bool = False,
) -> dict[str, Any]:
    """What every input shares: identity, publication, sources, and where it sits in time
    (an assessment: its round's last day, or its own date between rounds; a statement: its
    own date, always)."""
    pk, uuid, state, published_at, withdrawn_on, note, superseded_at = row[1:8]
    round_id, start, end, date, precision = row[8:_OWN]
    if round_id and not own_date:
        date, precision = end or start, DatePrecision.DAY
    return {"kind": kind, "record_type": model._meta.label_lower, "uuid": uuid, "pk": pk,
            "published_at": published_at, "sources": sources.get(pk, ()),
            "notice": None if state == _PUBLISHED else _notice(state, withdrawn_on, note, superseded_at, date),
            "date": date, "date_precision": precision, "round_id": round_id}  # fmt: skip


def _cited(
    records: dict[type[Publishable], QuerySet[Any]],
) -> dict[type[Publishable], dict[int, tuple[SourceRef, ...]]]:
    """The sources each of these records cites (`records`: the ids of the records of the
    issues, whether public or not: a draft's citations cost little, and the database finds
    them by index), in source order: the citations (plain ids), then each source, once."""
    citations: dict[type[Publishable], QuerySet[Any]] = {}
    for model, ids in records.items():
        owner = f"{model._meta.model_name}_id"
        citations[model] = model.sources.through.objects.filter(**{f"{owner}__in": ids})
    cited = [rows.values("source_id") for rows in citations.values()]
    sources = Source.objects.filter(pk__in=cited[0].union(*cited[1:], all=True)).order_by()
    refs = {
        pk: SourceRef(source_uuid, outlet, title, url)
        for pk, source_uuid, outlet, title, url in sources.values_list("pk", "uuid", "outlet", "title", "url")
    }
    found = {}
    for model, rows in citations.items():
        by_record: dict[int, list[SourceRef]] = {}
        owner = f"{model._meta.model_name}_id"
        for pk, source_id in rows.order_by(owner, "source_id").values_list(owner, "source_id"):
            by_record.setdefault(pk, []).append(refs[source_id])
        found[model] = {pk: tuple(sources) for pk, sources in by_record.items()}
    return found


def load(issue_id: int) -> Inputs:
    """The public record behind one issue's timeline, in a fixed number of queries."""
    inputs = load_many([issue_id]).get(issue_id)
    if inputs is None:
        raise Issue.DoesNotExist(f"No agenda issue has the id {issue_id}.")
    return inputs


def load_many(issue_ids: Collection[int]) -> dict[int, Inputs]:
    """The public record behind the timelines of these issues (those that exist), in the
    same fixed number of queries however many they are: the rebuild of every timeline
    reads them a batch at a time. Each issue's inputs are the ones `load` reads alone."""
    ids = sorted(set(issue_ids))
    names = dict(Issue.objects.filter(pk__in=ids).values_list("pk", "name"))
    public: dict[type[Publishable], QuerySet[Any]] = {
        IssueStatus: IssueStatus.objects.public().filter(issue_id__in=ids),
        Position: Position.objects.public().filter(issue_id__in=ids),
        Agreement: Agreement.objects.public().filter(issues__in=ids),
        Statement: Statement.objects.public().filter(issue_links__issue_id__in=ids),
    }
    cited = _cited({
        IssueStatus: IssueStatus.objects.filter(issue_id__in=ids).values("pk"),
        Position: Position.objects.filter(issue_id__in=ids).values("pk"),
        Agreement: Agreement.issues.through.objects.filter(issue_id__in=ids).values("agreement_id"),
        Statement: StatementIssue.objects.filter(issue_id__in=ids).values("statement_id"),
    })  # fmt: skip
    records: dict[int, list[Input]] = {issue_id: [] for issue_id in names}

    sources = cited[IssueStatus]
    for row in public[IssueStatus].order_by("id").values_list("issue_id", *_COMMON, "status", "summary"):
        status, summary = row[_OWN:]
        records[row[0]].append(Input(**_common(IssueStatus, "status", row, sources), value=status, text=summary,
                                     title=AssessmentStatus(status).label))  # fmt: skip

    sources = cited[Position]
    for row in (
        public[Position].order_by("id").values_list("issue_id", *_COMMON, "party_id", "party__name", "stance", "text")
    ):
        party_id, party_name, stance, text = row[_OWN:]
        records[row[0]].append(Input(**_common(Position, "position", row, sources), party_id=party_id,
                                     party_name=party_name, value=stance, text=text))  # fmt: skip

    sources = cited[Agreement]
    bound: dict[int, list[str]] = {}
    parties = Agreement.parties.through.objects.filter(agreement__in=public[Agreement].values("pk"))
    for pk, name in parties.values_list("agreement_id", "party__name"):
        bound.setdefault(pk, []).append(name)
    # `issues` in the values is the issue the filter joined: an agreement comes once per issue it settles.
    for row in public[Agreement].order_by("id").values_list("issues", *_COMMON, "title", "terms"):
        title, terms = row[_OWN:]
        names_bound = ", ".join(sorted(bound.get(row[1], [])))
        text = terms if not names_bound else f"{terms}\n\nParties: {names_bound}."
        records[row[0]].append(Input(**_common(Agreement, "agreement", row, sources), title=title, text=text))

    sources = cited[Statement]
    for row in public[Statement].order_by("id").values_list(
        "issue_links__issue_id", *_COMMON, "speaker__name", "speaker_description", "party_id", "party__name",
        "text", "translation",
    ):  # fmt: skip
        speaker_name, speaker_description, party_id, party_name, said, translation = row[_OWN:]
        speaker = speaker_name or speaker_description or "unknown speaker"
        title = speaker + (f" ({party_name})" if party_id else "")
        text = said if not translation else f"{said}\n\n{translation}"
        common = _common(Statement, "statement", row, sources, own_date=True)
        records[row[0]].append(Input(**common, party_id=party_id, title=title, text=text))
    return {
        issue_id: Inputs(issue_id=issue_id, issue_name=name, records=tuple(records[issue_id]))
        for issue_id, name in names.items()
    }


def fingerprint(inputs: Inputs) -> str:
    """A digest of everything the builder reads (and of the builder's version): an edit
    that changes nothing the timeline shows (a person's description) leaves it alone.

    Every field of every input, each string after its length (so that no two inputs read
    alike), in f-strings: faster than a repr of the dataclasses, and the inputs of a large
    record are many. tests/issues/timelines/test_timeline.py checks that a change to any
    field changes the digest."""
    read = [f"builder:{BUILDER_VERSION}\n{inputs.issue_id}\n{len(inputs.issue_name)}:{inputs.issue_name}\n"]
    for record in inputs.records:
        kind, record_type, precision, party, title, text, value = (
            record.kind, record.record_type, record.date_precision, record.party_name, record.title, record.text,
            record.value,
        )  # fmt: skip
        read.append(
            f"{len(kind)}:{kind}|{len(record_type)}:{record_type}|{record.uuid.int}|{record.pk}|{record.date}|"
            f"{len(precision)}:{precision}|{record.round_id}|{record.published_at}|{record.party_id}|"
            f"{len(party)}:{party}|{len(title)}:{title}|{len(text)}:{text}|{len(value)}:{value}|"
            f"{len(record.sources)}\n"
        )
        for source in record.sources:
            outlet, source_title, url = source.outlet, source.title, source.url
            read.append(
                f"{source.uuid.int}|{len(outlet)}:{outlet}|{len(source_title)}:{source_title}|{len(url)}:{url}\n"
            )
        notice = record.notice
        read.append(
            "-\n"
            if notice is None
            else f"{len(notice.state)}:{notice.state}|{notice.on}|{len(notice.note)}:{notice.note}\n"
        )
    return hashlib.sha256("".join(read).encode()).hexdigest()
