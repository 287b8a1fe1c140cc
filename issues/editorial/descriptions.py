"""What a publishable record says, field by field: the (label, text) pairs that the review
queue, the drafts on the pages and the entry page show a reader. Each kind registers its
description in issues/apps.py (negotrack.registry.Review)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from issues.models import Agreement, IssueStatus, Position, Publishable, Statement
from negotrack.registry import require_record_type
from rounds.dates import format_reported_date

# The publishable kinds that carry a round or a date and their sources.
Described: TypeAlias = Statement | IssueStatus | Position | Agreement


def when_label(record: Described) -> str:
    """Where and when a record was said or assessed, as the queue and the entry page write it."""
    if isinstance(record, Statement):
        said = format_reported_date(record.date, record.date_precision)
        return f"{said}, at {record.round}" if record.round_id else f"{said}, between rounds"
    if record.round_id:
        return f"at {record.round}"
    return f"{format_reported_date(record.date, record.date_precision)}, between rounds"


def _sources_label(record: Described) -> str:
    return "; ".join(sorted(str(source) for source in record.sources.all())) or "—"


def _names(records: Iterable[object]) -> str:
    return ", ".join(sorted(str(record) for record in records))


def describe_statement(statement: Statement) -> list[tuple[str, str]]:
    speaker = statement.speaker_label
    if statement.party_id:
        speaker = f"{speaker} ({statement.party})"
    return [
        ("Speaker", speaker),
        ("Title", statement.speaker_title),
        ("Issues", _names(statement.issues.all())),
        ("Language", statement.language),
        ("Text", statement.text),
        ("The report's own translation", "yes" if statement.text_is_translation else "no"),
        ("Translation", statement.translation),
        ("How", f"{statement.get_medium_display()}, {statement.get_kind_display()}"),
        *_when_and_sources(statement),
    ]


def describe_status(status: IssueStatus) -> list[tuple[str, str]]:
    return [
        ("Issue", str(status.issue)),
        ("Status", status.get_status_display()),
        ("Summary", status.summary),
        *_when_and_sources(status),
    ]


def describe_position(position: Position) -> list[tuple[str, str]]:
    return [
        ("Party", str(position.party)),
        ("Issue", str(position.issue)),
        ("Stance", position.stance),
        ("Text", position.text),
        *_when_and_sources(position),
    ]


def _figures_label(figures: object) -> str:
    if not isinstance(figures, list):
        return str(figures or "")
    return "; ".join(
        f"{figure.get('label', '')}: {figure.get('value', '')}" if isinstance(figure, dict) else str(figure)
        for figure in figures
    )


def describe_agreement(agreement: Agreement) -> list[tuple[str, str]]:
    carried_out = agreement.carried_out_on
    return [
        ("Title", agreement.title),
        ("Parties", _names(agreement.parties.all())),
        ("Issues", _names(agreement.issues.all())),
        ("Terms", agreement.terms),
        ("Figures", _figures_label(agreement.figures)),
        ("Carried out", format_reported_date(carried_out, agreement.carried_out_precision) if carried_out else ""),
        *_when_and_sources(agreement),
    ]


def _when_and_sources(record: Described) -> list[tuple[str, str]]:
    return [("When", when_label(record)), ("Sources", _sources_label(record))]


def describe_fields(record: Publishable) -> list[tuple[str, str]]:
    """For a publishable kind that registers no description of its own: its own fields,
    without the bookkeeping and publication fields that every publishable record has."""
    not_described = {model_field.name for model_field in Publishable._meta.get_fields()}
    return [
        (str(model_field.verbose_name).capitalize(), str(getattr(record, model_field.name) or ""))
        for model_field in record._meta.concrete_fields
        if model_field.name not in not_described and not model_field.is_relation
    ]


def describe(record: Publishable) -> list[tuple[str, str]]:
    """The fields a reviewer reads, as (label, text) pairs."""
    review = require_record_type(type(record)).review
    fields = (review.describe if review and review.describe else describe_fields)(record)
    return [(label, value or "—") for label, value in fields]
