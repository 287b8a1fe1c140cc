from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sureness_enum import SurenessEnum, check_sureness_enum

T = TypeVar("T", bound="ProposedSpeaker")


@_attrs_define
class ProposedSpeaker:
    """Who the report says spoke: a person on record, a person it names who is not on
    record yet (`new`), or an unnamed speaker as it describes them.

        Attributes:
            person (None | str): the slug of the person on record; null when none
            name (str): the person's name on record, or the name the report gives a person not on record; empty for an
                unnamed speaker (see description)
            new (bool): true when the report names a person who is not on record
            description (str): an unnamed speaker as the report describes them ("a Ukrainian official")
            sureness (SurenessEnum): * `suggested` - suggested: check the speaker
                * `new` - not on record: a new person to confirm
                * `described` - unnamed: kept as described
                * `followed` - followed back to the person named before
                * `surname` - found by surname
                * `exact` - found exactly
            sureness_label (str): the sureness in words
            suggestions (list[str]): the slugs of the people on record the name could be (a close spelling, or several who
                fit)
    """

    person: None | str
    name: str
    new: bool
    description: str
    sureness: SurenessEnum
    sureness_label: str
    suggestions: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person: None | str
        person = self.person

        name = self.name

        new = self.new

        description = self.description

        sureness: str = self.sureness

        sureness_label = self.sureness_label

        suggestions = self.suggestions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person": person,
                "name": name,
                "new": new,
                "description": description,
                "sureness": sureness,
                "sureness_label": sureness_label,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_person(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        person = _parse_person(d.pop("person"))

        name = d.pop("name")

        new = d.pop("new")

        description = d.pop("description")

        sureness = check_sureness_enum(d.pop("sureness"))

        sureness_label = d.pop("sureness_label")

        suggestions = cast(list[str], d.pop("suggestions"))

        proposed_speaker = cls(
            person=person,
            name=name,
            new=new,
            description=description,
            sureness=sureness,
            sureness_label=sureness_label,
            suggestions=suggestions,
        )

        proposed_speaker.additional_properties = d
        return proposed_speaker

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
