from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scale_enum import ScaleEnum, check_scale_enum

if TYPE_CHECKING:
    from ..models.timeline_js_event import TimelineJSEvent
    from ..models.timeline_js_title import TimelineJSTitle


T = TypeVar("T", bound="TimelineJS")


@_attrs_define
class TimelineJS:
    """
    Attributes:
        title (TimelineJSTitle):
        events (list[TimelineJSEvent]): the timeline's entries, oldest first
        scale (ScaleEnum): * `human` - human
    """

    title: TimelineJSTitle
    events: list[TimelineJSEvent]
    scale: ScaleEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        scale: str = self.scale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "events": events,
                "scale": scale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_js_event import TimelineJSEvent  # noqa: PLC0415
        from ..models.timeline_js_title import TimelineJSTitle  # noqa: PLC0415

        d = dict(src_dict)
        title = TimelineJSTitle.from_dict(d.pop("title"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = TimelineJSEvent.from_dict(events_item_data)

            events.append(events_item)

        scale = check_scale_enum(d.pop("scale"))

        timeline_js = cls(
            title=title,
            events=events,
            scale=scale,
        )

        timeline_js.additional_properties = d
        return timeline_js

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
