from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delegation_role_enum import DelegationRoleEnum, check_delegation_role_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.party_brief import PartyBrief
    from ..models.round_member import RoundMember


T = TypeVar("T", bound="RoundDelegation")


@_attrs_define
class RoundDelegation:
    """
    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        party (PartyBrief):
        roles (list[DelegationRoleEnum]): the party's roles at the round, one or several (a host that also mediates), in
            this order: `negotiating_party`, `mediator`, `host`, `observer`
        role (DelegationRoleEnum): * `negotiating_party` - negotiating party
            * `mediator` - mediator
            * `host` - host
            * `observer` - observer
        members (list[RoundMember]): the head first, then the chair
        note (str | Unset): members not named, and differing reports ("nearly two dozen other officials")
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    party: PartyBrief
    roles: list[DelegationRoleEnum]
    role: DelegationRoleEnum
    members: list[RoundMember]
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        party = self.party.to_dict()

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        role: str = self.role

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "party": party,
                "roles": roles,
                "role": role,
                "members": members,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party_brief import PartyBrief  # noqa: PLC0415
        from ..models.round_member import RoundMember  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        party = PartyBrief.from_dict(d.pop("party"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_delegation_role_enum(roles_item_data)

            roles.append(roles_item)

        role = check_delegation_role_enum(d.pop("role"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = RoundMember.from_dict(members_item_data)

            members.append(members_item)

        note = d.pop("note", UNSET)

        round_delegation = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            party=party,
            roles=roles,
            role=role,
            members=members,
            note=note,
        )

        round_delegation.additional_properties = d
        return round_delegation

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
