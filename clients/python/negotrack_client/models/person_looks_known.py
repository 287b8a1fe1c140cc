from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person_brief import PersonBrief


T = TypeVar("T", bound="PersonLooksKnown")


@_attrs_define
class PersonLooksKnown:
    """
    Attributes:
        detail (str): who the new person looks like, and how to add them anyway
        code (str): `possible_duplicate`
        possible_duplicates (list[PersonBrief]): the people on record they may be
    """

    detail: str
    code: str
    possible_duplicates: list[PersonBrief]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        code = self.code

        possible_duplicates = []
        for possible_duplicates_item_data in self.possible_duplicates:
            possible_duplicates_item = possible_duplicates_item_data.to_dict()
            possible_duplicates.append(possible_duplicates_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "code": code,
                "possible_duplicates": possible_duplicates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_brief import PersonBrief  # noqa: PLC0415

        d = dict(src_dict)
        detail = d.pop("detail")

        code = d.pop("code")

        possible_duplicates = []
        _possible_duplicates = d.pop("possible_duplicates")
        for possible_duplicates_item_data in _possible_duplicates:
            possible_duplicates_item = PersonBrief.from_dict(possible_duplicates_item_data)

            possible_duplicates.append(possible_duplicates_item)

        person_looks_known = cls(
            detail=detail,
            code=code,
            possible_duplicates=possible_duplicates,
        )

        person_looks_known.additional_properties = d
        return person_looks_known

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
