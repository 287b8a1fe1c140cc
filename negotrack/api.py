"""What every part of the REST API shares: read-only views, and the public record rule."""

from rest_framework import permissions, viewsets

from negotrack.groups import is_editorial


def wants_drafts(request) -> bool:
    """`?include=drafts` shows drafts too, to editors and reviewers only."""
    return request.query_params.get("include") == "drafts" and is_editorial(request.user)


def visible(queryset, request):
    """The public record (published, and withdrawn or superseded ones as correction
    notices), plus drafts for editors and reviewers who ask for them."""
    return queryset if wants_drafts(request) else queryset.public()


class ReadOnlyRecordViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and details of the record, nothing more.

    These routes offer no writes to anyone, so every reader passes and a write answers 405
    (the default permission would answer 403 to anonymous writers first, as if signing in
    could help).
    """

    permission_classes = [permissions.AllowAny]
