from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawRequest")


@_attrs_define
class WithdrawRequest:
    """
    Attributes:
        note (str): the public note: why the record is withdrawn
        version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
            Match` does the same, answering 412)
        on (datetime.date | Unset): the day of the withdrawal; today when left out
    """

    note: str
    version: int | Unset = UNSET
    on: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        version = self.version

        on: str | Unset = UNSET
        if not isinstance(self.on, Unset):
            on = self.on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "note": note,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if on is not UNSET:
            field_dict["on"] = on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note = d.pop("note")

        version = d.pop("version", UNSET)

        _on = d.pop("on", UNSET)
        on: datetime.date | Unset
        if isinstance(_on, Unset):
            on = UNSET
        else:
            on = datetime.date.fromisoformat(_on)

        withdraw_request = cls(
            note=note,
            version=version,
            on=on,
        )

        withdraw_request.additional_properties = d
        return withdraw_request

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
