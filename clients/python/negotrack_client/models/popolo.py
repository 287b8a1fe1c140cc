from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.popolo_membership import PopoloMembership
    from ..models.popolo_organization import PopoloOrganization
    from ..models.popolo_person import PopoloPerson


T = TypeVar("T", bound="Popolo")


@_attrs_define
class Popolo:
    """
    Attributes:
        persons (list[PopoloPerson]): everyone who sat in a delegation of the process, by name
        organizations (list[PopoloOrganization]): the parties that sent a delegation (by name), then the delegations,
            round by round, negotiating parties first
        memberships (list[PopoloMembership]): each person in each delegation, delegation by delegation, heads first
    """

    persons: list[PopoloPerson]
    organizations: list[PopoloOrganization]
    memberships: list[PopoloMembership]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        persons = []
        for persons_item_data in self.persons:
            persons_item = persons_item_data.to_dict()
            persons.append(persons_item)

        organizations = []
        for organizations_item_data in self.organizations:
            organizations_item = organizations_item_data.to_dict()
            organizations.append(organizations_item)

        memberships = []
        for memberships_item_data in self.memberships:
            memberships_item = memberships_item_data.to_dict()
            memberships.append(memberships_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "persons": persons,
                "organizations": organizations,
                "memberships": memberships,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.popolo_membership import PopoloMembership  # noqa: PLC0415
        from ..models.popolo_organization import PopoloOrganization  # noqa: PLC0415
        from ..models.popolo_person import PopoloPerson  # noqa: PLC0415

        d = dict(src_dict)
        persons = []
        _persons = d.pop("persons")
        for persons_item_data in _persons:
            persons_item = PopoloPerson.from_dict(persons_item_data)

            persons.append(persons_item)

        organizations = []
        _organizations = d.pop("organizations")
        for organizations_item_data in _organizations:
            organizations_item = PopoloOrganization.from_dict(organizations_item_data)

            organizations.append(organizations_item)

        memberships = []
        _memberships = d.pop("memberships")
        for memberships_item_data in _memberships:
            memberships_item = PopoloMembership.from_dict(memberships_item_data)

            memberships.append(memberships_item)

        popolo = cls(
            persons=persons,
            organizations=organizations,
            memberships=memberships,
        )

        popolo.additional_properties = d
        return popolo

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
