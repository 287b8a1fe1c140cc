"""API views of the rounds app: processes, sessions and sources, which editors and
reviewers add and change (deleting stays in the admin).

Rounds themselves are served by issues.api.views, since a round's detail nests the issue statuses.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from negotrack.api import ReadOnlyRecordViewSet
from negotrack.api_writes import RecordWriteMixin, record_write_schema
from rounds.filters import SessionFilter, SourceFilter
from rounds.models import Process, Session, Source
from rounds.serializers import (
    ProcessSerializer,
    ProcessWriteSerializer,
    SessionSerializer,
    SessionWriteSerializer,
    SourceSerializer,
    SourceWriteSerializer,
)


@extend_schema_view(
    list=extend_schema(summary="List negotiation processes", tags=["processes"]),
    retrieve=extend_schema(summary="One negotiation process, by slug", tags=["processes"]),
    **record_write_schema(
        "a negotiation process",
        ProcessSerializer,
        ProcessWriteSerializer,
        lookup=OpenApiParameter("slug", str, OpenApiParameter.PATH, description="the process's slug"),
    ),
)
class ProcessViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Negotiation processes; the slug is given (or made from the name) once, and fixed."""

    queryset = Process.objects.all()
    serializer_class = ProcessSerializer
    lookup_field = "slug"
    write_serializer_class = ProcessWriteSerializer
    fixed_fields = ("slug",)


@extend_schema_view(
    list=extend_schema(summary="List the sessions (sittings) of rounds", tags=["sessions"]),
    retrieve=extend_schema(summary="One session, by UUID", tags=["sessions"]),
    **record_write_schema(
        "a session",
        SessionSerializer,
        SessionWriteSerializer,
        lookup=OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="the session's UUID"),
    ),
)
class SessionViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    queryset = Session.objects.select_related("round")
    serializer_class = SessionSerializer
    filterset_class = SessionFilter
    lookup_field = "uuid"
    write_serializer_class = SessionWriteSerializer


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
