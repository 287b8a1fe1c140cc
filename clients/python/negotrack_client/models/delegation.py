from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delegation_role_enum import DelegationRoleEnum, check_delegation_role_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member import Member
    from ..models.source_brief import SourceBrief


T = TypeVar("T", bound="Delegation")


@_attrs_define
class Delegation:
    """
    Attributes:
        uuid (UUID): the record's identity, kept through export and import
        version (int): bumped by every save
        created_at (datetime.datetime): when the record was first saved
        updated_at (datetime.datetime): when the record was last saved
        round_ (str): slug of the round
        party (str): slug of the party
        roles (list[DelegationRoleEnum]): the party's roles at the round, one or several (a host that also mediates), in
            this order: `negotiating_party`, `mediator`, `host`, `observer`
        role (DelegationRoleEnum): * `negotiating_party` - negotiating party
            * `mediator` - mediator
            * `host` - host
            * `observer` - observer
        sources (list[SourceBrief]): the sources that report the delegation
        members (list[Member]): the named members, with their titles then
        unnamed_members (int | None | Unset): how many members the reports count but do not name; empty when not known
        note (str | Unset): members not named, and differing reports ("nearly two dozen other officials")
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    round_: str
    party: str
    roles: list[DelegationRoleEnum]
    role: DelegationRoleEnum
    sources: list[SourceBrief]
    members: list[Member]
    unnamed_members: int | None | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        round_ = self.round_

        party = self.party

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        role: str = self.role

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        unnamed_members: int | None | Unset
        if isinstance(self.unnamed_members, Unset):
            unnamed_members = UNSET
        else:
            unnamed_members = self.unnamed_members

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "round": round_,
                "party": party,
                "roles": roles,
                "role": role,
                "sources": sources,
                "members": members,
            }
        )
        if unnamed_members is not UNSET:
            field_dict["unnamed_members"] = unnamed_members
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member import Member  # noqa: PLC0415
        from ..models.source_brief import SourceBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        round_ = d.pop("round")

        party = d.pop("party")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_delegation_role_enum(roles_item_data)

            roles.append(roles_item)

        role = check_delegation_role_enum(d.pop("role"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceBrief.from_dict(sources_item_data)

            sources.append(sources_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = Member.from_dict(members_item_data)

            members.append(members_item)

        def _parse_unnamed_members(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unnamed_members = _parse_unnamed_members(d.pop("unnamed_members", UNSET))

        note = d.pop("note", UNSET)

        delegation = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            round_=round_,
            party=party,
            roles=roles,
            role=role,
            sources=sources,
            members=members,
            unnamed_members=unnamed_members,
            note=note,
        )

        delegation.additional_properties = d
        return delegation

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
