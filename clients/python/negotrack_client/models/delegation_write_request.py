from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delegation_role_enum import DelegationRoleEnum, check_delegation_role_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="DelegationWriteRequest")


@_attrs_define
class DelegationWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            round_ (str): the slug of the round
            party (str): the slug of the party; one delegation a party at a round
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            roles (list[DelegationRoleEnum] | Unset): the party's roles at the round, one or several (a host that also
                mediates), in this order: `negotiating_party`, `mediator`, `host`, `observer`; a new delegation is a negotiating
                party when left out
            unnamed_members (int | None | Unset): how many members the reports count but do not name; empty when not known
            note (str | Unset): differing reports, and members not named told in words ("nearly two dozen")
            sources (list[UUID] | Unset): UUIDs of the sources that report the delegation; a write replaces the whole list
    """

    round_: str
    party: str
    version: int | Unset = UNSET
    roles: list[DelegationRoleEnum] | Unset = UNSET
    unnamed_members: int | None | Unset = UNSET
    note: str | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_ = self.round_

        party = self.party

        version = self.version

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item: str = roles_item_data
                roles.append(roles_item)

        unnamed_members: int | None | Unset
        if isinstance(self.unnamed_members, Unset):
            unnamed_members = UNSET
        else:
            unnamed_members = self.unnamed_members

        note: str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = str(sources_item_data)
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round": round_,
                "party": party,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if roles is not UNSET:
            field_dict["roles"] = roles
        if unnamed_members is not UNSET:
            field_dict["unnamed_members"] = unnamed_members
        if note is not UNSET:
            field_dict["note"] = note
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        round_ = d.pop("round")

        party = d.pop("party")

        version = d.pop("version", UNSET)

        _roles = d.pop("roles", UNSET)
        roles: list[DelegationRoleEnum] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = check_delegation_role_enum(roles_item_data)

                roles.append(roles_item)

        def _parse_unnamed_members(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unnamed_members = _parse_unnamed_members(d.pop("unnamed_members", UNSET))

        def _parse_note(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[UUID] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = UUID(sources_item_data)

                sources.append(sources_item)

        delegation_write_request = cls(
            round_=round_,
            party=party,
            version=version,
            roles=roles,
            unnamed_members=unnamed_members,
            note=note,
            sources=sources,
        )

        delegation_write_request.additional_properties = d
        return delegation_write_request

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
