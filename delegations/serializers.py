"""How parties, people, delegations, memberships and attendance read in the API, and how
they are written."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from delegations.models import Attendance, Delegation, DelegationRole, Membership, MembershipRole, Party, Person
from negotrack.api import MomentKeepingHyperlink
from negotrack.api_writes import RecordWriteSerializer, Text, TrueOrFalse
from negotrack.text import text_problem
from rounds.models import Round, Session, Source
from rounds.serializers import (
    RECORD_EXTRA_KWARGS,
    RECORD_FIELDS,
    SourceBriefSerializer,
    UUIDRelatedField,
    slug_ref,
    uuid_ref,
)


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = [*RECORD_FIELDS, "slug", "name", "short_name", "kind"]
        extra_kwargs = {
            **RECORD_EXTRA_KWARGS,
            "slug": {"help_text": "the party's fixed identifier, e.g. ukraine"},
            "name": {"help_text": "the party's full name"},
            "short_name": {"help_text": "a short label (UAE), may be empty"},
            "kind": {"help_text": "a state, an international organization, or other"},
        }


class PersonSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        source="alias_list",
        child=serializers.CharField(),
        read_only=True,
        help_text="other spellings and transliterations (Umerov, Umjerow, Умєров)",
    )

    class Meta:
        model = Person
        fields = [*RECORD_FIELDS, "slug", "name", "aliases", "description"]
        extra_kwargs = {**RECORD_EXTRA_KWARGS, "slug": {"help_text": "the person's fixed identifier"}}


class PersonBriefSerializer(serializers.ModelSerializer):
    """A person on record that a new one may be: enough to tell, and where to read more."""

    aliases = serializers.ListField(source="alias_list", child=serializers.CharField(), read_only=True)
    url = MomentKeepingHyperlink(view_name="person-detail", lookup_field="slug")

    class Meta:
        model = Person
        fields = ["slug", "name", "aliases", "url"]


class MemberSerializer(serializers.ModelSerializer):
    """A membership as it appears inside its delegation."""

    person: serializers.SlugRelatedField[Person] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="slug of the person"
    )
    name = serializers.CharField(source="person.name", read_only=True, help_text="the person's name")

    class Meta:
        model = Membership
        fields = ["uuid", "person", "name", "title", "role"]
        extra_kwargs = {
            "uuid": {"help_text": "UUID of the membership"},
            "role": {"help_text": "the person's role in the delegation"},
        }


ROLE_VALUES = ", ".join(f"`{value}`" for value in DelegationRole.values)
ROLES_HELP = f"the party's roles at the round, one or several (a host that also mediates), in this order: {ROLE_VALUES}"
ROLE_HELP = "Deprecated: the first of `roles`, for tools written when a party had one role at a round."


def roles_field() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=DelegationRole.choices), read_only=True, help_text=ROLES_HELP
    )


def role_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=DelegationRole.choices, source="first_role", read_only=True, help_text=ROLE_HELP
    )


@extend_schema_serializer(deprecate_fields=["role"])
class DelegationSerializer(serializers.ModelSerializer):
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="slug of the round"
    )
    party: serializers.SlugRelatedField[Party] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="slug of the party"
    )
    sources = SourceBriefSerializer(many=True, read_only=True, help_text="the sources that report the delegation")
    members = MemberSerializer(
        source="memberships", many=True, read_only=True, help_text="the named members, with their titles then"
    )
    roles = roles_field()
    role = role_field()

    class Meta:
        model = Delegation
        fields = [*RECORD_FIELDS, "round", "party", "roles", "role", "unnamed_members", "note", "sources", "members"]
        extra_kwargs = RECORD_EXTRA_KWARGS


class MembershipSerializer(serializers.ModelSerializer):
    delegation: serializers.SlugRelatedField[Delegation] = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, help_text="UUID of the delegation"
    )
    person: serializers.SlugRelatedField[Person] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="slug of the person"
    )
    # Denormalized so that a reader can place a membership without a second request.
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        source="delegation.round", slug_field="slug", read_only=True, help_text="slug of the delegation's round"
    )
    party: serializers.SlugRelatedField[Party] = serializers.SlugRelatedField(
        source="delegation.party", slug_field="slug", read_only=True, help_text="slug of the delegation's party"
    )
    sources = SourceBriefSerializer(many=True, read_only=True, help_text="the sources that report the membership")

    class Meta:
        model = Membership
        fields = [*RECORD_FIELDS, "delegation", "person", "round", "party", "title", "role", "note", "sources"]
        extra_kwargs = {
            **RECORD_EXTRA_KWARGS,
            "role": {"help_text": "the person's role in the delegation"},
            "note": {"help_text": "anything reports differ on, or leave open"},
        }


class PersonWriteSerializer(RecordWriteSerializer):
    aliases = serializers.ListField(
        child=Text(max_length=200),
        required=False,
        help_text="other spellings and transliterations; a write replaces the whole list",
    )
    confirm_new = TrueOrFalse(
        required=False,
        default=False,
        write_only=True,
        help_text="when adding a person: confirm that they are someone new. Without it, a name or alias that "
        "names or nearly names someone on record (Medinsky, Vladimir Medinskiy, Umjerow) answers 409 with "
        "`possible_duplicates`; changes to a person on record ignore it",
    )

    class Meta(RecordWriteSerializer.Meta):
        model = Person
        fields = ["version", "name", "aliases", "description", "confirm_new"]
        extra_kwargs = {"description": {"help_text": "who they are, in a line"}}

    def validate_aliases(self, aliases: list[str]) -> str:
        # Stored a line each (Person.alias_list), so each holds what a one-line text may.
        for alias in aliases:
            problem = text_problem(alias, single_line=True)
            if problem:
                raise serializers.ValidationError(problem)
        return "\n".join(aliases)


class AttendanceSerializer(serializers.ModelSerializer):
    session: serializers.SlugRelatedField[Session] = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, help_text="UUID of the session"
    )
    membership: serializers.SlugRelatedField[Membership] = serializers.SlugRelatedField(
        slug_field="uuid", read_only=True, help_text="UUID of the membership: who, in which delegation"
    )
    # Denormalized so that a reader can place the attendance without a second request.
    person: serializers.SlugRelatedField[Person] = serializers.SlugRelatedField(
        source="membership.person", slug_field="slug", read_only=True, help_text="slug of the person"
    )
    round: serializers.SlugRelatedField[Round] = serializers.SlugRelatedField(
        source="session.round", slug_field="slug", read_only=True, help_text="slug of the session's round"
    )

    class Meta:
        model = Attendance
        fields = [*RECORD_FIELDS, "session", "membership", "person", "round"]
        extra_kwargs = RECORD_EXTRA_KWARGS


# --- writes ------------------------------------------------------------------------------


def sources_ref(what: str) -> UUIDRelatedField:
    return uuid_ref(Source, f"UUIDs of the sources that report the {what}; a write replaces the whole list",
                    many=True, required=False)  # fmt: skip


class PartyWriteSerializer(RecordWriteSerializer):
    class Meta(RecordWriteSerializer.Meta):
        model = Party
        fields = ["version", "slug", "name", "short_name", "kind"]
        extra_kwargs = {
            "slug": {
                "required": False,
                "help_text": "the party's fixed identifier (ukraine), given when it is made: made from the name "
                "when left out, and never changed after (a PUT may leave it out)",
            },
            "name": {"help_text": "the party's full name, unique"},
            "short_name": {"help_text": "a short label (UAE), may be empty"},
            "kind": {"help_text": "a state, an international organization, or other"},
        }


class DelegationWriteSerializer(RecordWriteSerializer):
    round = slug_ref(Round, "the slug of the round")
    party = slug_ref(Party, "the slug of the party; one delegation a party at a round")
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=DelegationRole.choices),
        required=False,
        help_text=f"{ROLES_HELP}; a new delegation is a negotiating party when left out",
    )
    sources = sources_ref("delegation")

    class Meta(RecordWriteSerializer.Meta):
        model = Delegation
        fields = ["version", "round", "party", "roles", "unnamed_members", "note", "sources"]
        extra_kwargs = {
            "note": {"help_text": 'differing reports, and members not named told in words ("nearly two dozen")'},
        }


MEMBERSHIP_ROLE_HELP = (
    "the person's role: "
    + ", ".join(f"`{value}` ({label})" for value, label in MembershipRole.choices)
    + "; a delegation has one head, and a round one chair across all its delegations"
)


class MembershipWriteSerializer(RecordWriteSerializer):
    delegation = uuid_ref(Delegation, "UUID of the delegation")
    person = slug_ref(Person, "the person's slug (add them first with POST /api/v1/people/)")
    sources = sources_ref("membership")

    class Meta(RecordWriteSerializer.Meta):
        model = Membership
        fields = ["version", "delegation", "person", "title", "role", "note", "sources"]
        extra_kwargs = {
            "title": {"help_text": "the title held at the time of the round"},
            "role": {"help_text": MEMBERSHIP_ROLE_HELP},
            "note": {"help_text": "anything reports differ on, or leave open"},
        }


class AttendanceWriteSerializer(RecordWriteSerializer):
    session = uuid_ref(Session, "UUID of the session")
    membership = uuid_ref(Membership, "UUID of the membership of the one who took part, in a delegation at the "
                          "session's round")  # fmt: skip

    class Meta(RecordWriteSerializer.Meta):
        model = Attendance
        fields = ["version", "session", "membership"]
