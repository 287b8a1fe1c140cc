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

from django.db.models import Prefetch
from django.utils import timezone

from issues.models import Agreement, Issue, IssueStatus, Position, PublicationState, Statement
from issues.vocabulary import AssessmentStatus
from rounds.dates import DatePrecision
from rounds.models import Source

# Bumped when the builder changes what it makes: every fingerprint changes with it, so
# reconciliation rebuilds every timeline once after such a release.
BUILDER_VERSION = 1


class Kind:
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
_DAY_ORDER = {Kind.STATUS_CHANGE: 0, Kind.AGREEMENT: 1, Kind.POSITION_CHANGE: 2, Kind.STATEMENT: 3, Kind.CORRECTION: 4}


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
    round_label: str
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
class Entry:
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


def _sort_key(record: Input):
    return (record.date, record.published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC), record.pk)


def build(inputs: Inputs) -> list[Entry]:
    """The issue's timeline entries, ordered by date (then by kind and key)."""
    entries: list[Entry] = []
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
        entries.append(_entry(status, Kind.STATUS_CHANGE, title, status.text, before=before, after=after))
        previous_status = after

    previous_stance: dict[int | None, str] = {}
    for position in by_kind.get("position", []):
        before = previous_stance.get(position.party_id, "")
        title = f"{position.party_name}: {position.value}"
        stance = position.value
        entries.append(_entry(position, Kind.POSITION_CHANGE, title, position.text, before=before, after=stance))
        previous_stance[position.party_id] = position.value

    for agreement in by_kind.get("agreement", []):
        entries.append(_entry(agreement, Kind.AGREEMENT, agreement.title, agreement.text))

    for statement in by_kind.get("statement", []):
        entries.append(_entry(statement, Kind.STATEMENT, statement.title, statement.text))

    for record in inputs.records:
        if record.notice is not None:
            entries.append(_correction(record))

    entries.sort(key=lambda entry: (entry.date, _DAY_ORDER[entry.kind], entry.key))
    return entries


def _entry(record: Input, kind: str, title: str, text: str, *, before: str = "", after: str = "") -> Entry:
    return Entry(
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


def _correction(record: Input) -> Entry:
    notice = record.notice
    what = {"status": "status", "position": "position", "agreement": "agreement", "statement": "statement"}[record.kind]
    if notice.state == PublicationState.WITHDRAWN:
        title = f"Withdrawn on {notice.on:%d %b %Y}: the {what} “{record.title or record.value}”"
        text = notice.note
    else:
        title = f"Corrected on {notice.on:%d %b %Y}: the {what} “{record.title or record.value}”"
        text = "A correction replaced this record; the corrected version is on the timeline."
    return Entry(
        key=f"{Kind.CORRECTION}:{record.uuid}",
        kind=Kind.CORRECTION,
        date=notice.on,
        date_precision=DatePrecision.DAY,
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

SOURCES = Prefetch("sources", Source.objects.order_by("id"))


def _sources(record) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(source.uuid, source.outlet, source.title, source.url) for source in record.sources.all())


def _notice(record) -> Notice | None:
    if record.state == PublicationState.WITHDRAWN:
        return Notice(record.state, record.withdrawn_on, record.correction_note)
    if record.state == PublicationState.SUPERSEDED:
        on = timezone.localdate(record.superseded_at) if record.superseded_at else record.effective_date
        return Notice(record.state, on, "")
    return None


def _dating(record) -> dict:
    """Where an assessment sits: its round's last day, or its own date between rounds."""
    talk_round = record.round
    if talk_round is not None:
        return {"date": talk_round.effective_date, "date_precision": DatePrecision.DAY, "round_id": talk_round.pk,
                "round_label": talk_round.date_label}  # fmt: skip
    return {"date": record.date, "date_precision": record.date_precision, "round_id": None, "round_label": ""}


def load(issue_id: int) -> Inputs:
    """The public record behind one issue's timeline, in a fixed number of queries."""
    issue = Issue.objects.get(pk=issue_id)
    records: list[Input] = []

    def common(record, kind: str) -> dict:
        return {"kind": kind, "record_type": record._meta.label_lower, "uuid": record.uuid, "pk": record.pk,
                "published_at": record.published_at, "sources": _sources(record), "notice": _notice(record),
                **_dating(record)}  # fmt: skip

    statuses = IssueStatus.objects.public().filter(issue_id=issue_id).select_related("round")
    for status in statuses.prefetch_related(SOURCES).order_by("id"):
        records.append(Input(**common(status, "status"), value=status.status, text=status.summary,
                             title=AssessmentStatus(status.status).label))  # fmt: skip

    positions = Position.objects.public().filter(issue_id=issue_id).select_related("round", "party")
    for position in positions.prefetch_related(SOURCES).order_by("id"):
        records.append(Input(**common(position, "position"), party_id=position.party_id,
                             party_name=position.party.name, value=position.stance, text=position.text))  # fmt: skip

    agreements = Agreement.objects.public().filter(issues=issue_id).select_related("round")
    for agreement in agreements.prefetch_related(SOURCES, "parties").order_by("id"):
        parties = ", ".join(party.name for party in sorted(agreement.parties.all(), key=lambda party: party.name))
        text = agreement.terms if not parties else f"{agreement.terms}\n\nParties: {parties}."
        records.append(Input(**common(agreement, "agreement"), title=agreement.title, text=text))

    statements = Statement.objects.public().filter(issue_links__issue_id=issue_id)
    statements = statements.select_related("round", "speaker", "party").prefetch_related(SOURCES).order_by("id")
    for statement in statements:
        dating = {"date": statement.date, "date_precision": statement.date_precision}
        speaker = statement.speaker_label + (f" ({statement.party.name})" if statement.party_id else "")
        text = statement.text if not statement.translation else f"{statement.text}\n\n{statement.translation}"
        fields = common(statement, "statement") | dating
        records.append(Input(**fields, party_id=statement.party_id, title=speaker, text=text))
    return Inputs(issue_id=issue.pk, issue_name=issue.name, records=tuple(records))


def fingerprint(inputs: Inputs) -> str:
    """A digest of everything the builder reads (and of the builder's version): an edit
    that changes nothing the timeline shows (a person's description) leaves it alone."""
    return hashlib.sha256(f"builder:{BUILDER_VERSION}\n{inputs!r}".encode()).hexdigest()
