from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.timeline_js_text import TimelineJSText


T = TypeVar("T", bound="TimelineJSTitle")


@_attrs_define
class TimelineJSTitle:
    """
    Attributes:
        text (TimelineJSText):
        unique_id (str): `issue-{slug}`
    """

    text: TimelineJSText
    unique_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text.to_dict()

        unique_id = self.unique_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "unique_id": unique_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_js_text import TimelineJSText  # noqa: PLC0415

        d = dict(src_dict)
        text = TimelineJSText.from_dict(d.pop("text"))

        unique_id = d.pop("unique_id")

        timeline_js_title = cls(
            text=text,
            unique_id=unique_id,
        )

        timeline_js_title.additional_properties = d
        return timeline_js_title

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
