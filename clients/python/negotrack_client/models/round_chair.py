from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.party_brief import PartyBrief


T = TypeVar("T", bound="RoundChair")


@_attrs_define
class RoundChair:
    """The person who chaired the round's talks, from the delegation they sat in.

    Attributes:
        person (str): the person's slug
        name (str): the person's name
        title (str): their title at the time of the round
        party (PartyBrief):
    """

    person: str
    name: str
    title: str
    party: PartyBrief
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person = self.person

        name = self.name

        title = self.title

        party = self.party.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person": person,
                "name": name,
                "title": title,
                "party": party,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party_brief import PartyBrief  # noqa: PLC0415

        d = dict(src_dict)
        person = d.pop("person")

        name = d.pop("name")

        title = d.pop("title")

        party = PartyBrief.from_dict(d.pop("party"))

        round_chair = cls(
            person=person,
            name=name,
            title=title,
            party=party,
        )

        round_chair.additional_properties = d
        return round_chair

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
