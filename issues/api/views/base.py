"""What the read API's views share: path and query parameters of the schema, and the
viewset of a publishable record (reads of the public record, drafts for editors, writes)."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.permissions import SAFE_METHODS

from issues.api.writes import PublishableWriteMixin, publishable_write_schema
from negotrack.api import ReadOnlyRecordViewSet, visible
from negotrack.groups import is_editorial
from rounds.models import Source

INCLUDE_DRAFTS = OpenApiParameter(
    "include",
    str,
    enum=["drafts"],
    description="`drafts` adds drafts, for editors and reviewers only (anyone else gets the public record); "
    "any other value answers 400",
)


def path_parameter(name: str, kind: Any, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.PATH, description=description)


SOURCES = Prefetch("sources", Source.objects.select_related("via"))

SLUG = {
    "rounds": path_parameter("slug", str, "the round's slug, e.g. geneva-2026-02-17"),
    "issues": path_parameter("slug", str, "the agenda issue's slug, {process}-{topic}"),
}
_V = TypeVar("_V", bound=Callable[..., Any])  # the viewset class it decorates

UUID = path_parameter("uuid", OpenApiTypes.UUID, "the record's UUID")


class PublishableViewSet(PublishableWriteMixin, ReadOnlyRecordViewSet):
    """The public record of one kind of assessment; drafts too for editors who ask.

    Editors and reviewers write drafts here; reviewers publish, withdraw and send back.
    """

    lookup_field = "uuid"
    queryset = None
    shows_drafts = True

    def base_queryset(self) -> QuerySet[Any]:
        """All the records of the kind, drafts included, with what the serializer reads."""
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        records = self.base_queryset()
        if self.request.method not in SAFE_METHODS and is_editorial(self.request.user):
            return records  # a write may aim at a draft without asking for drafts
        return visible(records, self.request)


def publishable_schema(noun: str, read_serializer: Any, write_serializer: Any) -> Callable[[_V], _V]:
    """The schema of a publishable record's routes: reads, draft writes and publication."""
    read = {
        "list": extend_schema(parameters=[INCLUDE_DRAFTS], description=f"{noun}, from the public record"),
        "retrieve": extend_schema(parameters=[UUID, INCLUDE_DRAFTS]),
    }
    return extend_schema_view(**read, **publishable_write_schema(write_serializer, read_serializer))
