from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SourceWriteRequest")


@_attrs_define
class SourceWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            outlet (str): e.g. The Moscow Times, X (Steve Witkoff's account)
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            title (str | Unset): headline, or what the item is
            url (str | Unset): optional: not every report has one
            published_on (datetime.date | None | Unset):
            via (None | Unset | UUID): UUID of the source through which this one is known, when it is known only second-hand
    """

    outlet: str
    version: int | Unset = UNSET
    title: str | Unset = UNSET
    url: str | Unset = UNSET
    published_on: datetime.date | None | Unset = UNSET
    via: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outlet = self.outlet

        version = self.version

        title: str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        url: str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        published_on: None | str | Unset
        if isinstance(self.published_on, Unset):
            published_on = UNSET
        elif isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        via: None | str | Unset
        if isinstance(self.via, Unset):
            via = UNSET
        elif isinstance(self.via, UUID):
            via = str(self.via)
        else:
            via = self.via

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outlet": outlet,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if published_on is not UNSET:
            field_dict["published_on"] = published_on
        if via is not UNSET:
            field_dict["via"] = via

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outlet = d.pop("outlet")

        version = d.pop("version", UNSET)

        def _parse_title(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_published_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)

                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published_on = _parse_published_on(d.pop("published_on", UNSET))

        def _parse_via(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                via_type_0 = UUID(data)

                return via_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        via = _parse_via(d.pop("via", UNSET))

        source_write_request = cls(
            outlet=outlet,
            version=version,
            title=title,
            url=url,
            published_on=published_on,
            via=via,
        )

        source_write_request.additional_properties = d
        return source_write_request

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
