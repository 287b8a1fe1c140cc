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


T = TypeVar("T", bound="PopoloOrganization")


@_attrs_define
class PopoloOrganization:
    """
    Attributes:
        id (UUID): the record's UUID in negotrack, stable across exports and imports
        name (str): a party's name, or the delegation's party and round
        other_names (list[OtherName]): a party's short name (UAE)
        identifiers (list[Identifier]):
        classification (str): a party's kind (`state`, `organization`, `other`), or `delegation` for a party's
            delegation at one round
        parent_id (None | UUID): a delegation's party; null for a party
        founding_date (datetime.date | None): a delegation's round's first day
        dissolution_date (datetime.date | None): a delegation's round's last day
        abstract (None | str): a delegation's roles at its round, in a line
        description (None | str): a delegation's note on the members not named, and reports that differ
        links (list[Link]): in the API and on the analysts' pages (a delegation's round)
        sources (list[Link]): the cited sources that have a URL
        created_at (datetime.datetime): when the record was made, in negotrack
        updated_at (datetime.datetime): when the record was last changed, in negotrack
    """

    id: UUID
    name: str
    other_names: list[OtherName]
    identifiers: list[Identifier]
    classification: str
    parent_id: None | UUID
    founding_date: datetime.date | None
    dissolution_date: datetime.date | None
    abstract: None | str
    description: None | str
    links: list[Link]
    sources: list[Link]
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

        classification = self.classification

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        founding_date: None | str
        if isinstance(self.founding_date, datetime.date):
            founding_date = self.founding_date.isoformat()
        else:
            founding_date = self.founding_date

        dissolution_date: None | str
        if isinstance(self.dissolution_date, datetime.date):
            dissolution_date = self.dissolution_date.isoformat()
        else:
            dissolution_date = self.dissolution_date

        abstract: None | str
        abstract = self.abstract

        description: None | str
        description = self.description

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

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
                "classification": classification,
                "parent_id": parent_id,
                "founding_date": founding_date,
                "dissolution_date": dissolution_date,
                "abstract": abstract,
                "description": description,
                "links": links,
                "sources": sources,
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

        classification = d.pop("classification")

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        def _parse_founding_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founding_date_type_0 = datetime.date.fromisoformat(data)

                return founding_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        founding_date = _parse_founding_date(d.pop("founding_date"))

        def _parse_dissolution_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dissolution_date_type_0 = datetime.date.fromisoformat(data)

                return dissolution_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        dissolution_date = _parse_dissolution_date(d.pop("dissolution_date"))

        def _parse_abstract(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        abstract = _parse_abstract(d.pop("abstract"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = Link.from_dict(links_item_data)

            links.append(links_item)

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = Link.from_dict(sources_item_data)

            sources.append(sources_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        popolo_organization = cls(
            id=id,
            name=name,
            other_names=other_names,
            identifiers=identifiers,
            classification=classification,
            parent_id=parent_id,
            founding_date=founding_date,
            dissolution_date=dissolution_date,
            abstract=abstract,
            description=description,
            links=links,
            sources=sources,
            created_at=created_at,
            updated_at=updated_at,
        )

        popolo_organization.additional_properties = d
        return popolo_organization

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
