from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="PopoloMembership")


@_attrs_define
class PopoloMembership:
    """
    Attributes:
        id (UUID): the record's UUID in negotrack, stable across exports and imports
        person_id (UUID): the person, one of `persons`
        organization_id (UUID): the delegation, one of `organizations`
        on_behalf_of_id (UUID): the delegation's party, one of `organizations`
        role (str): the person's role in the delegation: `head of delegation`, `chair of the talks`, `member`, `adviser`
        label (None | str): the title the person held at the time of the round
        start_date (datetime.date | None): the round's first day
        end_date (datetime.date | None): the round's last day
        links (list[Link]): the membership in the API
        sources (list[Link]): the cited sources that have a URL
        created_at (datetime.datetime): when the record was made, in negotrack
        updated_at (datetime.datetime): when the record was last changed, in negotrack
    """

    id: UUID
    person_id: UUID
    organization_id: UUID
    on_behalf_of_id: UUID
    role: str
    label: None | str
    start_date: datetime.date | None
    end_date: datetime.date | None
    links: list[Link]
    sources: list[Link]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        organization_id = str(self.organization_id)

        on_behalf_of_id = str(self.on_behalf_of_id)

        role = self.role

        label: None | str
        label = self.label

        start_date: None | str
        if isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

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
                "person_id": person_id,
                "organization_id": organization_id,
                "on_behalf_of_id": on_behalf_of_id,
                "role": role,
                "label": label,
                "start_date": start_date,
                "end_date": end_date,
                "links": links,
                "sources": sources,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        organization_id = UUID(d.pop("organization_id"))

        on_behalf_of_id = UUID(d.pop("on_behalf_of_id"))

        role = d.pop("role")

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        def _parse_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        start_date = _parse_start_date(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

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

        popolo_membership = cls(
            id=id,
            person_id=person_id,
            organization_id=organization_id,
            on_behalf_of_id=on_behalf_of_id,
            role=role,
            label=label,
            start_date=start_date,
            end_date=end_date,
            links=links,
            sources=sources,
            created_at=created_at,
            updated_at=updated_at,
        )

        popolo_membership.additional_properties = d
        return popolo_membership

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
