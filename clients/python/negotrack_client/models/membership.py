from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.membership_role_enum import MembershipRoleEnum, check_membership_role_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.source_brief import SourceBrief


T = TypeVar("T", bound="Membership")


@_attrs_define
class Membership:
    """
    Attributes:
        uuid (UUID): the record's identity, kept through export and import
        version (int): bumped by every save
        created_at (datetime.datetime): when the record was first saved
        updated_at (datetime.datetime): when the record was last saved
        delegation (UUID): UUID of the delegation
        person (str): slug of the person
        round_ (str): slug of the delegation's round
        party (str): slug of the delegation's party
        sources (list[SourceBrief]): the sources that report the membership
        title (str | Unset): the title held at the time of the round
        role (MembershipRoleEnum | Unset): * `head` - head of delegation
            * `chair` - chair of the talks
            * `member` - member
            * `adviser` - adviser Default: 'member'.
        note (str | Unset): anything reports differ on, or leave open
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    delegation: UUID
    person: str
    round_: str
    party: str
    sources: list[SourceBrief]
    title: str | Unset = UNSET
    role: MembershipRoleEnum | Unset = "member"
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        delegation = str(self.delegation)

        person = self.person

        round_ = self.round_

        party = self.party

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        title = self.title

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "delegation": delegation,
                "person": person,
                "round": round_,
                "party": party,
                "sources": sources,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if role is not UNSET:
            field_dict["role"] = role
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_brief import SourceBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        delegation = UUID(d.pop("delegation"))

        person = d.pop("person")

        round_ = d.pop("round")

        party = d.pop("party")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceBrief.from_dict(sources_item_data)

            sources.append(sources_item)

        title = d.pop("title", UNSET)

        _role = d.pop("role", UNSET)
        role: MembershipRoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_membership_role_enum(_role)

        note = d.pop("note", UNSET)

        membership = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            delegation=delegation,
            person=person,
            round_=round_,
            party=party,
            sources=sources,
            title=title,
            role=role,
            note=note,
        )

        membership.additional_properties = d
        return membership

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
