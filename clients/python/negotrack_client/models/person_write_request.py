from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonWriteRequest")


@_attrs_define
class PersonWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            name (str): as usually written in English
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            aliases (list[str] | Unset): other spellings and transliterations; a write replaces the whole list
            description (str | Unset): who they are, in a line
            confirm_new (bool | Unset): when adding a person: confirm that they are someone new. Without it, a name or alias
                that names or nearly names someone on record (Medinsky, Vladimir Medinskiy, Umjerow) answers 409 with
                `possible_duplicates`; changes to a person on record ignore it Default: False.
    """

    name: str
    version: int | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    confirm_new: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        description: str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        confirm_new = self.confirm_new

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if description is not UNSET:
            field_dict["description"] = description
        if confirm_new is not UNSET:
            field_dict["confirm_new"] = confirm_new

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version", UNSET)

        aliases = cast(list[str], d.pop("aliases", UNSET))

        def _parse_description(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        confirm_new = d.pop("confirm_new", UNSET)

        person_write_request = cls(
            name=name,
            version=version,
            aliases=aliases,
            description=description,
            confirm_new=confirm_new,
        )

        person_write_request.additional_properties = d
        return person_write_request

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
