from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.membership_role_enum import MembershipRoleEnum, check_membership_role_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Member")


@_attrs_define
class Member:
    """A membership as it appears inside its delegation.

    Attributes:
        uuid (UUID): UUID of the membership
        person (str): slug of the person
        name (str): the person's name
        title (str | Unset): the title held at the time of the round
        role (MembershipRoleEnum | Unset): * `head` - head of delegation
            * `chair` - chair of the talks
            * `member` - member
            * `adviser` - adviser
    """

    uuid: UUID
    person: str
    name: str
    title: str | Unset = UNSET
    role: MembershipRoleEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        person = self.person

        name = self.name

        title = self.title

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "person": person,
                "name": name,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        person = d.pop("person")

        name = d.pop("name")

        title = d.pop("title", UNSET)

        _role = d.pop("role", UNSET)
        role: MembershipRoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = check_membership_role_enum(_role)

        member = cls(
            uuid=uuid,
            person=person,
            name=name,
            title=title,
            role=role,
        )

        member.additional_properties = d
        return member

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
