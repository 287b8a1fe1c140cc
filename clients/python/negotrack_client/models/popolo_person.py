from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.identifier import Identifier
    from ..models.link import Link
    from ..models.other_name import OtherName


T = TypeVar("T", bound="PopoloPerson")


@_attrs_define
class PopoloPerson:
    """
    Attributes:
        id (UUID): the record's UUID in negotrack, stable across exports and imports
        name (str): the name as usually written in English
        other_names (list[OtherName]): other spellings and transliterations (Umjerow, Умєров)
        identifiers (list[Identifier]):
        summary (None | str): who they are, in a line
        links (list[Link]): the person in the API and on the analysts' pages
        created_at (datetime.datetime): when the record was made, in negotrack
        updated_at (datetime.datetime): when the record was last changed, in negotrack
    """

    id: UUID
    name: str
    other_names: list[OtherName]
    identifiers: list[Identifier]
    summary: None | str
    links: list[Link]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        other_names = []
        for other_names_item_data in self.other_names:
            other_names_item = other_names_item_data.to_dict()
            other_names.append(other_names_item)

        identifiers = []
        for identifiers_item_data in self.identifiers:
            identifiers_item = identifiers_item_data.to_dict()
            identifiers.append(identifiers_item)

        summary: None | str
        summary = self.summary

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "other_names": other_names,
                "identifiers": identifiers,
                "summary": summary,
                "links": links,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identifier import Identifier  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.other_name import OtherName  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        other_names = []
        _other_names = d.pop("other_names")
        for other_names_item_data in _other_names:
            other_names_item = OtherName.from_dict(other_names_item_data)

            other_names.append(other_names_item)

        identifiers = []
        _identifiers = d.pop("identifiers")
        for identifiers_item_data in _identifiers:
            identifiers_item = Identifier.from_dict(identifiers_item_data)

            identifiers.append(identifiers_item)

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = Link.from_dict(links_item_data)

            links.append(links_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        popolo_person = cls(
            id=id,
            name=name,
            other_names=other_names,
            identifiers=identifiers,
            summary=summary,
            links=links,
            created_at=created_at,
            updated_at=updated_at,
        )

        popolo_person.additional_properties = d
        return popolo_person

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
