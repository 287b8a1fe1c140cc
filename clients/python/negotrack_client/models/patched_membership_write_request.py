from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.membership_role_enum import MembershipRoleEnum, check_membership_role_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedMembershipWriteRequest")


@_attrs_define
class PatchedMembershipWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            delegation (UUID | Unset): UUID of the delegation
            person (str | Unset): the person's slug (add them first with POST /api/v1/people/)
            title (str | Unset): the title held at the time of the round
            role (MembershipRoleEnum | Unset): * `head` - head of delegation
                * `chair` - chair of the talks
                * `member` - member
                * `adviser` - adviser
            note (str | Unset): anything reports differ on, or leave open
            sources (list[UUID] | Unset): UUIDs of the sources that report the membership; a write replaces the whole list
    """

    version: int | Unset = UNSET
    delegation: UUID | Unset = UNSET
    person: str | Unset = UNSET
    title: str | Unset = UNSET
    role: MembershipRoleEnum | Unset = UNSET
    note: str | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        delegation: str | Unset = UNSET
        if not isinstance(self.delegation, Unset):
            delegation = str(self.delegation)

        person = self.person

        title: str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

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
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if delegation is not UNSET:
            field_dict["delegation"] = delegation
        if person is not UNSET:
            field_dict["person"] = person
        if title is not UNSET:
            field_dict["title"] = title
        if role is not UNSET:
            field_dict["role"] = role
        if note is not UNSET:
            field_dict["note"] = note
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        _delegation = d.pop("delegation", UNSET)
        delegation: UUID | Unset
        if isinstance(_delegation, Unset):
            delegation = UNSET
        else:
            delegation = UUID(_delegation)

        person = d.pop("person", UNSET)

        def _parse_title(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _role = d.pop("role", UNSET)
        role: MembershipRoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_membership_role_enum(_role)

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

        patched_membership_write_request = cls(
            version=version,
            delegation=delegation,
            person=person,
            title=title,
            role=role,
            note=note,
            sources=sources,
        )

        patched_membership_write_request.additional_properties = d
        return patched_membership_write_request

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
