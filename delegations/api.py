"""API views of the delegations app: parties, people, delegations, memberships and
attendance, which editors and reviewers add and change, so that a tool can set up who sat
where before the first statement (deleting stays in the admin)."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

from delegations.filters import AttendanceFilter, DelegationFilter, MembershipFilter, PersonFilter
from delegations.matching import listed
from delegations.models import Attendance, Delegation, Membership, Party, Person
from delegations.serializers import (
    AttendanceSerializer,
    AttendanceWriteSerializer,
    DelegationSerializer,
    DelegationWriteSerializer,
    MembershipSerializer,
    MembershipWriteSerializer,
    PartySerializer,
    PartyWriteSerializer,
    PersonBriefSerializer,
    PersonSerializer,
    PersonWriteSerializer,
)
from delegations.services import PersonLooksKnown
from negotrack.api import ReadOnlyRecordViewSet
from negotrack.api_writes import Conflict, RecordWriteMixin, record_write_schema, write_errors
from rounds.models import Source

# Cited sources with the outlet they came through, in one query for a whole page.
SOURCES = Prefetch("sources", queryset=Source.objects.select_related("via"))


def by_uuid(what: str) -> OpenApiParameter:
    return OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description=f"the {what}'s UUID")


@extend_schema_view(
    list=extend_schema(summary="List parties: sides, mediators and hosts", tags=["parties"]),
    retrieve=extend_schema(summary="One party, by slug", tags=["parties"]),
    **record_write_schema(
        "a party",
        PartySerializer,
        PartyWriteSerializer,
        lookup=OpenApiParameter("slug", str, OpenApiParameter.PATH, description="the party's slug"),
    ),
)
class PartyViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Sides, mediators and hosts; the slug is given (or made from the name) once, and fixed."""

    queryset = Party.objects.all()
    serializer_class = PartySerializer
    lookup_field = "slug"
    write_serializer_class = PartyWriteSerializer
    fixed_fields = ("slug",)


POSSIBLE_DUPLICATES = inline_serializer(
    "PersonLooksKnown",
    {
        "detail": serializers.CharField(help_text="who the new person looks like, and how to add them anyway"),
        "code": serializers.CharField(help_text="`possible_duplicate`"),
        "possible_duplicates": PersonBriefSerializer(many=True, help_text="the people on record they may be"),
    },
)

PERSON_WRITES = record_write_schema(
    "a person",
    PersonSerializer,
    PersonWriteSerializer,
    lookup=OpenApiParameter("slug", str, OpenApiParameter.PATH, description="the person's slug"),
)
PERSON_WRITES["create"] = extend_schema(
    summary="Add a person (editors and reviewers)",
    description="A person whose name or an alias names or nearly names someone on record (a surname, another "
    "transliteration, a letter off) is not added: the answer is 409 with the people they may be. Use one of "
    "them, or send the same body again with `confirm_new: true` if this is someone else.",
    request=PersonWriteSerializer,
    responses={
        201: PersonSerializer,
        **write_errors(400, 401, 403),
        409: OpenApiResponse(
            POSSIBLE_DUPLICATES,
            description="The name looks like someone on record; nothing was saved",
            examples=[
                OpenApiExample(
                    "looks like someone on record",
                    value={
                        "detail": "“Vladimir Medinskiy” looks like someone on record: Vladimir Medinsky "
                        "(vladimir-medinsky). If this is someone else, send the same body again with "
                        "confirm_new: true.",
                        "code": "possible_duplicate",
                        "possible_duplicates": [
                            {
                                "slug": "vladimir-medinsky",
                                "name": "Vladimir Medinsky",
                                "aliases": ["Мединский"],
                                "url": "https://negotrack.example.org/api/v1/people/vladimir-medinsky/",
                            }
                        ],
                    },
                )
            ],
        ),
    },
)


@extend_schema_view(
    list=extend_schema(summary="List named officials", tags=["people"]),
    retrieve=extend_schema(summary="One person, by slug", tags=["people"]),
    **PERSON_WRITES,
)
class PersonViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """Named officials; editors add them, and the slug is made from the name once. A new
    person who looks like someone on record answers 409 unless confirmed (`confirm_new`)."""

    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    write_serializer_class = PersonWriteSerializer
    service_flags = ("confirm_new",)

    def as_api_error(self, exc: Exception) -> Exception:
        if isinstance(exc, PersonLooksKnown):
            return Conflict(
                f"“{exc.name}” looks like someone on record: {listed(exc.people)}. If this is someone else, "
                "send the same body again with confirm_new: true.",
                code="possible_duplicate",
                possible_duplicates=PersonBriefSerializer(
                    exc.people, many=True, context=self.get_serializer_context()
                ).data,
            )
        return super().as_api_error(exc)


@extend_schema_view(
    list=extend_schema(summary="List delegations, with their members", tags=["delegations"]),
    retrieve=extend_schema(summary="One delegation, by UUID", tags=["delegations"]),
    **record_write_schema(
        "a delegation", DelegationSerializer, DelegationWriteSerializer, lookup=by_uuid("delegation")
    ),
)
class DelegationViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """One party at one round with its roles there; its members are memberships."""

    queryset = Delegation.objects.select_related("round", "party").prefetch_related(
        SOURCES, Prefetch("memberships", queryset=Membership.objects.select_related("person"))
    )
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    lookup_field = "uuid"
    write_serializer_class = DelegationWriteSerializer


@extend_schema_view(
    list=extend_schema(summary="List memberships: who sat in which delegation", tags=["memberships"]),
    retrieve=extend_schema(summary="One membership, by UUID", tags=["memberships"]),
    **record_write_schema(
        "a membership", MembershipSerializer, MembershipWriteSerializer, lookup=by_uuid("membership")
    ),
)
class MembershipViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """One person in one delegation; a second head of a delegation, or a second chair of a
    round, answers 400 on `role` naming the one on record."""

    queryset = Membership.objects.select_related("delegation__round", "delegation__party", "person").prefetch_related(
        SOURCES
    )
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    lookup_field = "uuid"
    write_serializer_class = MembershipWriteSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List attendance: who of a delegation took part in which session", tags=["attendances"]
    ),  # fmt: skip
    retrieve=extend_schema(summary="One attendance, by UUID", tags=["attendances"]),
    **record_write_schema(
        "an attendance", AttendanceSerializer, AttendanceWriteSerializer, lookup=by_uuid("attendance")
    ),
)
class AttendanceViewSet(RecordWriteMixin, ReadOnlyRecordViewSet):
    """A member of a delegation at one session of the delegation's round, where that is known."""

    queryset = Attendance.objects.select_related("session__round", "membership__person").order_by(
        "session__date", "session_id", "id"
    )
    serializer_class = AttendanceSerializer
    filterset_class = AttendanceFilter
    lookup_field = "uuid"
    write_serializer_class = AttendanceWriteSerializer
