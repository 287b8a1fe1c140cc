"""Agenda issues, and what the record says of them: statuses, positions, agreements, statements.

One module per part; every model and public name is imported from the package
(`from issues.models import Statement`).
"""

from issues.models.issues import Agreement, Issue, IssueStatus, Position
from issues.models.publication import (
    PUBLIC_STATES,
    Dated,
    PublicationState,
    Publishable,
    PublishableQuerySet,
    one_published_per_round_and_date,
    round_or_date,
)
from issues.models.statements import (
    MAX_TEXT_LENGTH,
    Statement,
    StatementIssue,
    StatementKind,
    StatementSearch,
    statement_search_document,
)
from issues.models.timelines import TimelineEntry, TimelineState

__all__ = [
    # publication and dating
    "PublicationState",
    "PUBLIC_STATES",
    "PublishableQuerySet",
    "Publishable",
    "Dated",
    "round_or_date",
    "one_published_per_round_and_date",
    # agenda issues and their assessments
    "Issue",
    "IssueStatus",
    "Position",
    "Agreement",
    # statements
    "MAX_TEXT_LENGTH",
    "Statement",
    "StatementKind",
    "StatementIssue",
    "StatementSearch",
    "statement_search_document",
    # timelines
    "TimelineState",
    "TimelineEntry",
]
