from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="Timeline")


@_attrs_define
class Timeline:
    """
    Attributes:
        issue (str): the agenda issue's slug
        built_at (datetime.datetime | None): when the timeline was last built; null before
        is_current (bool): false while a rebuild is pending after an edit: the entries may miss the latest changes
        entries (list[TimelineEntry]): the whole timeline, oldest first
    """

    issue: str
    built_at: datetime.datetime | None
    is_current: bool
    entries: list[TimelineEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issue = self.issue

        built_at: None | str
        if isinstance(self.built_at, datetime.datetime):
            built_at = self.built_at.isoformat()
        else:
            built_at = self.built_at

        is_current = self.is_current

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issue": issue,
                "built_at": built_at,
                "is_current": is_current,
                "entries": entries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        issue = d.pop("issue")

        def _parse_built_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                built_at_type_0 = datetime.datetime.fromisoformat(data)

                return built_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        built_at = _parse_built_at(d.pop("built_at"))

        is_current = d.pop("is_current")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = TimelineEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        timeline = cls(
            issue=issue,
            built_at=built_at,
            is_current=is_current,
            entries=entries,
        )

        timeline.additional_properties = d
        return timeline

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
