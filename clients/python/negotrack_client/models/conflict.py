from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Conflict")


@_attrs_define
class Conflict:
    """
    Attributes:
        detail (str): what went wrong, and what to do
        code (str): `version_conflict`, `published_record`, `correction_notice`, `not_published`, `sent_back` or
            `write_conflict`
        current_version (int | Unset): for a version conflict
        correction (str | Unset): for a published record: start a correction
        withdraw (str | Unset): for a published record: withdraw it
    """

    detail: str
    code: str
    current_version: int | Unset = UNSET
    correction: str | Unset = UNSET
    withdraw: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        code = self.code

        current_version = self.current_version

        correction = self.correction

        withdraw = self.withdraw

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "code": code,
            }
        )
        if current_version is not UNSET:
            field_dict["current_version"] = current_version
        if correction is not UNSET:
            field_dict["correction"] = correction
        if withdraw is not UNSET:
            field_dict["withdraw"] = withdraw

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        code = d.pop("code")

        current_version = d.pop("current_version", UNSET)

        correction = d.pop("correction", UNSET)

        withdraw = d.pop("withdraw", UNSET)

        conflict = cls(
            detail=detail,
            code=code,
            current_version=current_version,
            correction=correction,
            withdraw=withdraw,
        )

        conflict.additional_properties = d
        return conflict

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
