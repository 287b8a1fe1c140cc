"""The Popolo document as the API answers it and its schema documents it: Popolo's
Person, Organization and Membership with the properties our record fills, every one of
them always present (null where the record has nothing)."""

from __future__ import annotations

from rest_framework import serializers

from delegations.models import PartyKind
from delegations.popolo.document import DELEGATION, SCHEME, SLUG_SCHEME

KINDS = ", ".join(f"`{kind}`" for kind in PartyKind.values)


class LinkSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="a URL")
    note = serializers.CharField(allow_null=True, help_text="what is there: `negotrack API`, an outlet and title")


class IdentifierSerializer(serializers.Serializer):
    identifier = serializers.CharField(help_text="the record's UUID, or its slug")
    scheme = serializers.CharField(help_text=f"`{SCHEME}` for the UUID, `{SLUG_SCHEME}` for the slug")


class OtherNameSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="an alternate name: a spelling, a transliteration, a short name")
    note = serializers.CharField(allow_null=True, help_text="`short name` for a party's; null for a person's aliases")


def record_id() -> serializers.UUIDField:
    return serializers.UUIDField(help_text="the record's UUID in negotrack, stable across exports and imports")


def record_time(what: str) -> serializers.DateTimeField:
    return serializers.DateTimeField(help_text=f"when the record was {what}, in negotrack")


class PopoloPersonSerializer(serializers.Serializer):
    id = record_id()
    name = serializers.CharField(help_text="the name as usually written in English")
    other_names = OtherNameSerializer(many=True, help_text="other spellings and transliterations (Umjerow, Умєров)")
    identifiers = IdentifierSerializer(many=True)
    summary = serializers.CharField(allow_null=True, help_text="who they are, in a line")
    links = LinkSerializer(many=True, help_text="the person in the API and on the analysts' pages")
    created_at = record_time("made")
    updated_at = record_time("last changed")


class PopoloOrganizationSerializer(serializers.Serializer):
    id = record_id()
    name = serializers.CharField(help_text="a party's name, or the delegation's party and round")
    other_names = OtherNameSerializer(many=True, help_text="a party's short name (UAE)")
    identifiers = IdentifierSerializer(many=True)
    classification = serializers.CharField(
        help_text=f"a party's kind ({KINDS}), or `{DELEGATION}` for a party's delegation at one round"
    )
    parent_id = serializers.UUIDField(allow_null=True, help_text="a delegation's party; null for a party")
    founding_date = serializers.DateField(allow_null=True, help_text="a delegation's round's first day")
    dissolution_date = serializers.DateField(allow_null=True, help_text="a delegation's round's last day")
    abstract = serializers.CharField(allow_null=True, help_text="a delegation's roles at its round, in a line")
    description = serializers.CharField(
        allow_null=True, help_text="a delegation's note on the members not named, and reports that differ"
    )
    links = LinkSerializer(many=True, help_text="in the API and on the analysts' pages (a delegation's round)")
    sources = LinkSerializer(many=True, help_text="the cited sources that have a URL")
    created_at = record_time("made")
    updated_at = record_time("last changed")


class PopoloMembershipSerializer(serializers.Serializer):
    id = record_id()
    person_id = serializers.UUIDField(help_text="the person, one of `persons`")
    organization_id = serializers.UUIDField(help_text="the delegation, one of `organizations`")
    on_behalf_of_id = serializers.UUIDField(help_text="the delegation's party, one of `organizations`")
    role = serializers.CharField(
        help_text="the person's role in the delegation: `head of delegation`, `chair of the talks`, `member`, `adviser`"
    )
    label = serializers.CharField(  # type: ignore[assignment]  # a declared field, not Field.label
        allow_null=True, help_text="the title the person held at the time of the round"
    )
    start_date = serializers.DateField(allow_null=True, help_text="the round's first day")
    end_date = serializers.DateField(allow_null=True, help_text="the round's last day")
    links = LinkSerializer(many=True, help_text="the membership in the API")
    sources = LinkSerializer(many=True, help_text="the cited sources that have a URL")
    created_at = record_time("made")
    updated_at = record_time("last changed")


class PopoloSerializer(serializers.Serializer):
    persons = PopoloPersonSerializer(many=True, help_text="everyone who sat in a delegation of the process, by name")
    organizations = PopoloOrganizationSerializer(
        many=True,
        help_text="the parties that sent a delegation (by name), then the delegations, round by round, "
        "negotiating parties first",
    )
    memberships = PopoloMembershipSerializer(
        many=True, help_text="each person in each delegation, delegation by delegation, heads first"
    )
