from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party_kind_enum import PartyKindEnum, check_party_kind_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Party")


@_attrs_define
class Party:
    """
    Attributes:
        uuid (UUID): the record's identity, kept through export and import
        version (int): bumped by every save
        created_at (datetime.datetime): when the record was first saved
        updated_at (datetime.datetime): when the record was last saved
        slug (str): the party's fixed identifier, e.g. ukraine
        name (str): the party's full name
        short_name (str | Unset): a short label (UAE), may be empty
        kind (PartyKindEnum | Unset): * `state` - state
            * `organization` - international organization
            * `other` - other
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    slug: str
    name: str
    short_name: str | Unset = UNSET
    kind: PartyKindEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        slug = self.slug

        name = self.name

        short_name = self.short_name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "slug": slug,
                "name": name,
            }
        )
        if short_name is not UNSET:
            field_dict["short_name"] = short_name
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        slug = d.pop("slug")

        name = d.pop("name")

        short_name = d.pop("short_name", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: PartyKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_party_kind_enum(_kind)

        party = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            slug=slug,
            name=name,
            short_name=short_name,
            kind=kind,
        )

        party.additional_properties = d
        return party

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
