from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.current_position import CurrentPosition
    from ..models.current_status import CurrentStatus


T = TypeVar("T", bound="Issue")


@_attrs_define
class Issue:
    """
    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        slug (str): {process}-{topic}, fixed once made
        process (str): the process's slug
        topic (str): what the issue is about, in a slug: territory, ceasefire-monitoring
        name (str):
        current_status (CurrentStatus | None): the latest published status; null before any assessment
        positions (list[CurrentPosition]): each party's latest published position
        description (str | Unset):
        sort_order (int | Unset): where it stands in the process's agenda
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    slug: str
    process: str
    topic: str
    name: str
    current_status: CurrentStatus | None
    positions: list[CurrentPosition]
    description: str | Unset = UNSET
    sort_order: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.current_status import CurrentStatus  # noqa: PLC0415

        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        slug = self.slug

        process = self.process

        topic = self.topic

        name = self.name

        current_status: dict[str, Any] | None
        if isinstance(self.current_status, CurrentStatus):
            current_status = self.current_status.to_dict()
        else:
            current_status = self.current_status

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        description = self.description

        sort_order = self.sort_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "slug": slug,
                "process": process,
                "topic": topic,
                "name": name,
                "current_status": current_status,
                "positions": positions,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.current_position import CurrentPosition  # noqa: PLC0415
        from ..models.current_status import CurrentStatus  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        slug = d.pop("slug")

        process = d.pop("process")

        topic = d.pop("topic")

        name = d.pop("name")

        def _parse_current_status(data: object) -> CurrentStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_status_type_1 = CurrentStatus.from_dict(data)

                return current_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentStatus | None, data)

        current_status = _parse_current_status(d.pop("current_status"))

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = CurrentPosition.from_dict(positions_item_data)

            positions.append(positions_item)

        description = d.pop("description", UNSET)

        sort_order = d.pop("sort_order", UNSET)

        issue = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            slug=slug,
            process=process,
            topic=topic,
            name=name,
            current_status=current_status,
            positions=positions,
            description=description,
            sort_order=sort_order,
        )

        issue.additional_properties = d
        return issue

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
