from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvalidQuery")


@_attrs_define
class InvalidQuery:
    """
    Attributes:
        since (list[str] | Unset):
        limit (list[str] | Unset):
        include (list[str] | Unset):
    """

    since: list[str] | Unset = UNSET
    limit: list[str] | Unset = UNSET
    include: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since: list[str] | Unset = UNSET
        if not isinstance(self.since, Unset):
            since = self.since

        limit: list[str] | Unset = UNSET
        if not isinstance(self.limit, Unset):
            limit = self.limit

        include: list[str] | Unset = UNSET
        if not isinstance(self.include, Unset):
            include = self.include

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if since is not UNSET:
            field_dict["since"] = since
        if limit is not UNSET:
            field_dict["limit"] = limit
        if include is not UNSET:
            field_dict["include"] = include

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        since = cast(list[str], d.pop("since", UNSET))

        limit = cast(list[str], d.pop("limit", UNSET))

        include = cast(list[str], d.pop("include", UNSET))

        invalid_query = cls(
            since=since,
            limit=limit,
            include=include,
        )

        invalid_query.additional_properties = d
        return invalid_query

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
