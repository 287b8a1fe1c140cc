"""Writes to agenda issues and to what the record says of them, with their publication.

Statements, statuses, positions and agreements are written as drafts; reviewers
publish, withdraw or send them back. A published record is never edited in place: a
correction is a new draft that revises it, and publishing that draft supersedes the old
record in the same transaction. The current status of each issue and the latest
position of each party are kept here, in the transaction of the change that moves them.

One module per sub-domain; callers import from the package (`from issues import
services`, then `services.statement_save(...)`), so a service can move between modules.
"""

from issues.services.assessments import agreement_save, issue_status_save, position_save
from issues.services.drafts import draft_delete, issues_outside_process, refuse_unless_draft
from issues.services.issues import (
    assessments_follow_round,
    current_position_refresh,
    current_status_refresh,
    issue_save,
)
from issues.services.publication import (
    can_review,
    correction_start,
    draft_publish,
    draft_send_back,
    record_supersede,
    record_withdraw,
    sent_back_problem,
    withdrawal_date_problem,
)
from issues.services.search import search_documents_refresh
from issues.services.statements import (
    statement_date_warning,
    statement_duplicate,
    statement_link_issues,
    statement_party_warning,
    statement_save,
)

__all__ = [
    # agenda issues, and what is current on them
    "issue_save",
    "current_status_refresh",
    "current_position_refresh",
    "assessments_follow_round",
    # drafts
    "refuse_unless_draft",
    "issues_outside_process",
    "draft_delete",
    # statements
    "statement_date_warning",
    "statement_party_warning",
    "statement_duplicate",
    "statement_save",
    "statement_link_issues",
    "search_documents_refresh",
    # assessments
    "issue_status_save",
    "position_save",
    "agreement_save",
    # publication and corrections
    "correction_start",
    "can_review",
    "draft_publish",
    "record_supersede",
    "record_withdraw",
    "withdrawal_date_problem",
    "draft_send_back",
    "sent_back_problem",
]
