"""Drafts on the pages, for editors and reviewers only: a page's drafts in a section of
their own, each marked as not public and described as the review queue describes it.
They never join the public lists, the matrix, current status, timelines or feeds; a
reader never learns that there are any."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Q
from django.http import HttpRequest

from issues.editorial import review
from issues.models import Publishable
from negotrack.groups import is_editorial


def shows_drafts(request: HttpRequest) -> bool:
    """Whether this request's pages show drafts: to editors, reviewers and superusers.
    Asked once a request (the page's ETag and the page itself both ask)."""
    if not hasattr(request, "_shows_drafts"):
        request._shows_drafts = is_editorial(request.user)  # type: ignore[attr-defined]  # kept for the request
    return request._shows_drafts  # type: ignore[attr-defined]  # set above


def page_drafts(request: HttpRequest, wanted: Mapping[type[Publishable], Q]) -> list[review.Item] | None:
    """The drafts of each kind that `wanted` names with its condition ({Statement:
    Q(round=…), …}), oldest first; None for a reader, whose page has no such section."""
    if not shows_drafts(request):
        return None
    items: list[review.Item] = []
    for model, condition in wanted.items():
        items += review.draft_items(model, review.drafts_of(model).filter(condition))
    return review.oldest_first(items)
