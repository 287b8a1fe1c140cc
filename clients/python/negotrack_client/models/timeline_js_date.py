from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineJSDate")


@_attrs_define
class TimelineJSDate:
    """
    Attributes:
        year (int):
        display_date (str): the date as the site writes it, its precision included (`week of 16 Feb 2026`)
        month (int | Unset): left out when the date is known to the year only
        day (int | Unset): left out when the date is known to the month only
    """

    year: int
    display_date: str
    month: int | Unset = UNSET
    day: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        display_date = self.display_date

        month = self.month

        day = self.day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "display_date": display_date,
            }
        )
        if month is not UNSET:
            field_dict["month"] = month
        if day is not UNSET:
            field_dict["day"] = day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        display_date = d.pop("display_date")

        month = d.pop("month", UNSET)

        day = d.pop("day", UNSET)

        timeline_js_date = cls(
            year=year,
            display_date=display_date,
            month=month,
            day=day,
        )

        timeline_js_date.additional_properties = d
        return timeline_js_date

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
