from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_enum import GroupEnum, check_group_enum

if TYPE_CHECKING:
    from ..models.timeline_js_date import TimelineJSDate
    from ..models.timeline_js_text import TimelineJSText


T = TypeVar("T", bound="TimelineJSEvent")


@_attrs_define
class TimelineJSEvent:
    """
    Attributes:
        start_date (TimelineJSDate):
        text (TimelineJSText):
        group (GroupEnum): * `Status` - Status
            * `Positions` - Positions
            * `Agreements` - Agreements
            * `Statements` - Statements
            * `Corrections` - Corrections
        unique_id (str): the entry's key, as TimelineJS slugs it: `statement-{uuid}`
        autolink (bool): false: the links are made here, not guessed from the text
    """

    start_date: TimelineJSDate
    text: TimelineJSText
    group: GroupEnum
    unique_id: str
    autolink: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date.to_dict()

        text = self.text.to_dict()

        group: str = self.group

        unique_id = self.unique_id

        autolink = self.autolink

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_date": start_date,
                "text": text,
                "group": group,
                "unique_id": unique_id,
                "autolink": autolink,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_js_date import TimelineJSDate  # noqa: PLC0415
        from ..models.timeline_js_text import TimelineJSText  # noqa: PLC0415

        d = dict(src_dict)
        start_date = TimelineJSDate.from_dict(d.pop("start_date"))

        text = TimelineJSText.from_dict(d.pop("text"))

        group = check_group_enum(d.pop("group"))

        unique_id = d.pop("unique_id")

        autolink = d.pop("autolink")

        timeline_js_event = cls(
            start_date=start_date,
            text=text,
            group=group,
            unique_id=unique_id,
            autolink=autolink,
        )

        timeline_js_event.additional_properties = d
        return timeline_js_event

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
