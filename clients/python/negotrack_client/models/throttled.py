from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Throttled")


@_attrs_define
class Throttled:
    """
    Attributes:
        detail (str): what went wrong and when to try again, for a person
        retry_after (int | None): seconds to wait before the next request, as in the Retry-After header
    """

    detail: str
    retry_after: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        retry_after: int | None
        retry_after = self.retry_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "retry_after": retry_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        def _parse_retry_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        retry_after = _parse_retry_after(d.pop("retry_after"))

        throttled = cls(
            detail=detail,
            retry_after=retry_after,
        )

        throttled.additional_properties = d
        return throttled

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
