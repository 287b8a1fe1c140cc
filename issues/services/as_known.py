"""What the issues app keeps beside the history, as it stood (negotrack.as_known): an issue's
current status and a party's current position, which the services keep rather than save
with the record.

The statements' search documents (issues.models.StatementSearch, PostgreSQL's) are read as
they are: a search of the record as it stood finds, among the statements on record then,
those whose words or speaker's names match now. A published statement's words never
change (a correction is a record of its own); a speaker's aliases may have grown since."""

from __future__ import annotations

from issues.models import Issue, IssueStatus, Position, PublicationState
from issues.services.issues import LATEST_FIRST
from negotrack import as_known

# The order of issues.services.issues: the latest published by effective date.
_LATEST = "ORDER BY " + ", ".join(
    f"{name.lstrip('-')} {'DESC' if name.startswith('-') else 'ASC'}" for name in LATEST_FIRST
)
_PUBLISHED = f"state = '{PublicationState.PUBLISHED.value}'"


def _latest(rows: str, per: str) -> str:
    """The id of the latest published row of `rows` for each value of `per`, with `per`."""
    return (
        f"(SELECT id, {per} FROM (SELECT id, {per}, ROW_NUMBER() OVER (PARTITION BY {per} {_LATEST}) AS latest_rank "
        f"FROM {rows} published WHERE {_PUBLISHED}) ranked WHERE latest_rank = 1)"
    )


def _current_status(rows: as_known.RowsSQL) -> tuple[str, str]:
    current = _latest(rows(IssueStatus), "issue_id")
    return "current_status.id", f"LEFT JOIN {current} current_status ON current_status.issue_id = known.id"


def _position_is_current(rows: as_known.RowsSQL) -> tuple[str, str]:
    current = _latest(rows(Position), "issue_id, party_id")
    # True for the latest, false (not NULL) for every other.
    join = f"LEFT JOIN {current} current_position ON current_position.id = known.id"
    return "(current_position.id IS NOT NULL)", join


def register() -> None:
    as_known.derived_column(Issue, "current_status_id", _current_status)
    as_known.derived_column(Position, "is_current", _position_is_current)
