"""API views of the delegations app: parties, people, delegations, memberships; editors
write people (a statement's speaker must exist before the statement names them)."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from delegations.filters import DelegationFilter, MembershipFilter, PersonFilter
from delegations.models import Delegation, Membership, Party, Person
from delegations.serializers import (
    DelegationSerializer,
    MembershipSerializer,
    PartySerializer,
    PersonSerializer,
    PersonWriteSerializer,
)
from negotrack.api import ReadOnlyRecordViewSet
from negotrack.api_writes import RecordWriteMixin, record_write_schema
from rounds.models import Source

# Cited sources with the outlet they came through, in one query for a whole page.
SOURCES = Prefetch("sources", queryset=Source.objects.select_related("via"))


@extend_schema_view(
    list=extend_schema(summary="List parties: sides, mediators and hosts", tags=["parties"]),
    retrieve=extend_schema(summary="One party, by slug", tags=["parties"]),
)
class PartyViewSet(ReadOnlyRecordViewSet):
    queryset = Party.objects.all()
    serializer_class = PartySerializer
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(summary="List named officials", tags=["people"]),
    retrieve=extend_schema(summary="One person, by slug", tags=["people"]),
    **record_write_schema(
        "a person",
        PersonSerializer,
        PersonWriteSerializer,
        lookup=OpenApiParameter("slug", str, OpenApiParameter.PATH, description="the person's slug"),
    ),
)
class PersonViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Named officials; editors add them, and the slug is made from the name once."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    write_serializer_class = PersonWriteSerializer


@extend_schema_view(
    list=extend_schema(summary="List delegations, with their members", tags=["delegations"]),
    retrieve=extend_schema(summary="One delegation, by UUID", tags=["delegations"]),
)
class DelegationViewSet(ReadOnlyRecordViewSet):
    queryset = Delegation.objects.select_related("round", "party").prefetch_related(
        SOURCES, Prefetch("memberships", queryset=Membership.objects.select_related("person"))
    )
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    lookup_field = "uuid"


@extend_schema_view(
    list=extend_schema(summary="List memberships: who sat in which delegation", tags=["memberships"]),
    retrieve=extend_schema(summary="One membership, by UUID", tags=["memberships"]),
)
class MembershipViewSet(ReadOnlyRecordViewSet):
    queryset = Membership.objects.select_related("delegation__round", "delegation__party", "person").prefetch_related(
        SOURCES
    )
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    lookup_field = "uuid"
