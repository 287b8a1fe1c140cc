"""API views of the rounds app: processes, sessions and sources; editors write sources.

Rounds themselves are served by issues.api.views, since a round's detail nests the issue statuses.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from negotrack.api import ReadOnlyRecordViewSet
from negotrack.api_writes import RecordWriteMixin, record_write_schema
from rounds.filters import SessionFilter, SourceFilter
from rounds.models import Process, Session, Source
from rounds.serializers import ProcessSerializer, SessionSerializer, SourceSerializer, SourceWriteSerializer


@extend_schema_view(
    list=extend_schema(summary="List negotiation processes", tags=["processes"]),
    retrieve=extend_schema(summary="One negotiation process, by slug", tags=["processes"]),
)
class ProcessViewSet(ReadOnlyRecordViewSet):
    queryset = Process.objects.all()
    serializer_class = ProcessSerializer
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(summary="List the sessions (sittings) of rounds", tags=["sessions"]),
    retrieve=extend_schema(summary="One session, by UUID", tags=["sessions"]),
)
class SessionViewSet(ReadOnlyRecordViewSet):
    queryset = Session.objects.select_related("round")
    serializer_class = SessionSerializer
    filterset_class = SessionFilter
    lookup_field = "uuid"


@extend_schema_view(
    list=extend_schema(summary="List sources", tags=["sources"]),
    retrieve=extend_schema(summary="One source, by UUID", tags=["sources"]),
    **record_write_schema(
        "a source",
        SourceSerializer,
        SourceWriteSerializer,
        lookup=OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="the source's UUID"),
    ),
)
class SourceViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Sources; editors add them (and correct them) to cite them. Deleting one is the admin's."""

    queryset = Source.objects.select_related("via")
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    lookup_field = "uuid"
    write_serializer_class = SourceWriteSerializer
