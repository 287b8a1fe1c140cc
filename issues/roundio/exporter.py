"""Writing a round's document: its public record and every record that record refers to."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet

from delegations.models import Attendance, Delegation, Membership
from issues.models import Agreement, IssueStatus, Position, Statement
from issues.roundio.document import DOCUMENT_KEYS, FORMAT, KIND, VERSION, DocumentPart
from issues.roundio.values import record_document
from negotrack.records import Record
from rounds.models import Round, Source


def _loaded(kind: DocumentPart, queryset: QuerySet[Any]) -> list[Record]:
    select, prefetch = kind.related()
    return list(queryset.select_related(*select).prefetch_related(*prefetch))


def round_document(talk_round: Round) -> dict[str, Any]:
    """The round's document: the round, its sessions, delegations, memberships, attendance
    and public record (published records, and the withdrawn and superseded ones as
    correction notices), then the process, issues, parties, people and sources (with the
    sources they are known through) that those refer to."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every query of the export.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        talk_round = Round.objects.get(pk=talk_round.pk)
        records: dict[str, list[Record]] = {
            "round": _loaded(KIND["round"], Round.objects.filter(pk=talk_round.pk)),
            "sessions": _loaded(KIND["sessions"], talk_round.sessions.all()),
            "delegations": _loaded(KIND["delegations"], Delegation.objects.filter(round=talk_round)),
            "memberships": _loaded(KIND["memberships"], Membership.objects.filter(delegation__round=talk_round)),
            "attendance": _loaded(KIND["attendance"], Attendance.objects.filter(session__round=talk_round)),
            "statuses": _loaded(KIND["statuses"], IssueStatus.objects.public().filter(round=talk_round)),
            "positions": _loaded(KIND["positions"], Position.objects.public().filter(round=talk_round)),
            "agreements": _loaded(KIND["agreements"], Agreement.objects.public().filter(round=talk_round)),
            "statements": _loaded(KIND["statements"], Statement.objects.public().filter(round=talk_round)),
        }
        referred = _referred(records)
        records["process"] = [talk_round.process]
        for key in ("issues", "parties", "people"):
            records[key] = _loaded(KIND[key], KIND[key].model.objects.filter(pk__in=referred[key]))
        records["sources"] = _loaded(KIND["sources"], Source.objects.filter(pk__in=_with_via(referred["sources"])))

    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for key in DOCUMENT_KEYS[2:]:
        kind = KIND[key]
        entries = sorted((record_document(kind, record) for record in records[key]), key=kind.sort)
        document[key] = entries[0] if kind.single else entries
    return document


def _referred(records: dict[str, list[Record]]) -> dict[str, set[int]]:
    """The primary keys of the issues, parties, people and sources the records name."""
    referred: dict[str, set[int]] = {"issues": set(), "parties": set(), "people": set(), "sources": set()}
    for key, kind_records in records.items():
        kind = KIND[key]
        for record in kind_records:
            for name, target in kind.refs.items():
                if target in referred and getattr(record, f"{name}_id") is not None:
                    referred[target].add(getattr(record, f"{name}_id"))
            for name, target in kind.many.items():
                referred[target].update(related.pk for related in getattr(record, name).all())
            if isinstance(record, Statement):
                referred["issues"].update(link.issue_id for link in record.issue_links.all())
    return referred


def _with_via(source_ids: set[int]) -> set[int]:
    """The sources, and every source they are known through, however long the chain."""
    found, frontier = set(source_ids), set(source_ids)
    while frontier:
        via = set(Source.objects.filter(pk__in=frontier, via__isnull=False).values_list("via_id", flat=True))
        frontier = via - found
        found |= frontier
    return found
