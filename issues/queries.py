"""Query pieces that the API and the pages share."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When

from delegations.models import MembershipRole
from issues.models import IssueStatus
from issues.services.issues import LATEST_FIRST


def published_before(outer_date: str) -> Subquery:
    """The status of the issue's latest published assessment before `outer_date`."""
    earlier = IssueStatus.objects.published().filter(issue=OuterRef("issue"), effective_date__lt=OuterRef(outer_date))
    return Subquery(earlier.order_by(*LATEST_FIRST).values("status")[:1])


def round_statuses(round_ids: Iterable[int]) -> dict[tuple[int, int], str]:
    """The published status of each (round, issue) assessed at these rounds: the cells of
    a status matrix, in one query."""
    # No ordering: a dict does not need one, and the model's default would join the round
    # and the issue to sort 2,000 rows by text.
    rows = IssueStatus.objects.published().filter(round_id__in=round_ids).order_by()
    return {
        (round_id, issue_id): status
        for round_id, issue_id, status in rows.values_list("round_id", "issue_id", "status")
    }


# Heads of delegation first, then the chair of the talks, then members, then advisers.
HEAD_FIRST = Case(*(When(role=role, then=Value(rank)) for rank, role in enumerate(MembershipRole)),
                  output_field=IntegerField())  # fmt: skip
