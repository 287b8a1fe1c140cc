from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IssueWriteRequest")


@_attrs_define
class IssueWriteRequest:
    """An agenda issue; its slug is made of its process and topic, so both are fixed once it
    is made (the view refuses a change, as the admin shows them read-only).

        Attributes:
            name (str): the issue's name as readers see it
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            process (str | Unset): the slug of the negotiation process; given when the issue is made, fixed after
            topic (str | Unset): what the issue is about, as a slug (territory, prisoner-exchange), unique in the process;
                its slug is {process}-{topic}. Given when the issue is made, fixed after
            description (str | Unset):
            sort_order (int | Unset): where it stands in the process's agenda
    """

    name: str
    version: int | Unset = UNSET
    process: str | Unset = UNSET
    topic: str | Unset = UNSET
    description: str | Unset = UNSET
    sort_order: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        process = self.process

        topic = self.topic

        description: str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        sort_order = self.sort_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if process is not UNSET:
            field_dict["process"] = process
        if topic is not UNSET:
            field_dict["topic"] = topic
        if description is not UNSET:
            field_dict["description"] = description
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version", UNSET)

        process = d.pop("process", UNSET)

        topic = d.pop("topic", UNSET)

        def _parse_description(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        sort_order = d.pop("sort_order", UNSET)

        issue_write_request = cls(
            name=name,
            version=version,
            process=process,
            topic=topic,
            description=description,
            sort_order=sort_order,
        )

        issue_write_request.additional_properties = d
        return issue_write_request

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
