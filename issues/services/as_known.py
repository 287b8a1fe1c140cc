"""What the issues app keeps beside the history, as it stood (negotrack.as_known): an issue's
current status and a party's current position, which the services keep rather than save
with the record, and the statements' search documents."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

from issues.models import Issue, IssueStatus, Position, PublicationState, Statement, statement_search_document
from negotrack import as_known

# The order of issues.services.issues: the latest published by effective date.
_LATEST = "ORDER BY latest.effective_date DESC, latest.published_at DESC, latest.id DESC LIMIT 1"
_PUBLISHED = f"latest.state = '{PublicationState.PUBLISHED.value}'"


def _current_status(rows: as_known.RowsSQL, connection: BaseDatabaseWrapper) -> str:
    statuses = rows(IssueStatus)
    return f"(SELECT latest.id FROM {statuses} latest WHERE latest.issue_id = known.id AND {_PUBLISHED} {_LATEST})"


def _position_is_current(rows: as_known.RowsSQL, connection: BaseDatabaseWrapper) -> str:
    latest = (
        f"SELECT latest.id FROM {rows(Position)} latest WHERE latest.issue_id = known.issue_id "
        f"AND latest.party_id = known.party_id AND {_PUBLISHED} {_LATEST}"
    )
    # False, not NULL, where the party has no published position on the issue.
    return f"COALESCE(known.id = ({latest}), 1 = 0)"


def _search_documents(connection: BaseDatabaseWrapper) -> list[str]:
    """PostgreSQL's search documents (issues.services.search), made from the statements and
    people as they stood; SQLite searches the fields themselves."""
    if connection.vendor != "postgresql":
        return []
    rows = Statement.objects.order_by().annotate(document=statement_search_document()).values_list("pk", "document")
    # A view holds no parameters: psycopg writes them in (the configuration's name, the lengths cut at).
    select = connection.ops.compose_sql(*rows.query.sql_with_params())  # type: ignore[attr-defined]  # PostgreSQL's
    return [f"CREATE TEMPORARY VIEW issues_statementsearch (statement_id, document) AS {select}"]


def register() -> None:
    as_known.derived_column(Issue, "current_status_id", _current_status)
    as_known.derived_column(Position, "is_current", _position_is_current)
    as_known.derived_table(_search_documents)
