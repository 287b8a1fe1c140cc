from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.party_brief import PartyBrief


T = TypeVar("T", bound="CurrentPosition")


@_attrs_define
class CurrentPosition:
    """
    Attributes:
        uuid (UUID):
        party (PartyBrief):
        stance (str): a short label: "demands all of Donbas"
        round_ (str): the round it was stated at; null between rounds
        effective_date (datetime.date | None): the round's last day, or the date
        text (str | Unset): the position in full, as reported
        date (datetime.date | None | Unset): between rounds only: the day it was reported
    """

    uuid: UUID
    party: PartyBrief
    stance: str
    round_: str
    effective_date: datetime.date | None
    text: str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        party = self.party.to_dict()

        stance = self.stance

        round_ = self.round_

        effective_date: None | str
        if isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        text = self.text

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "party": party,
                "stance": stance,
                "round": round_,
                "effective_date": effective_date,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if date is not UNSET:
            field_dict["date"] = date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party_brief import PartyBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        party = PartyBrief.from_dict(d.pop("party"))

        stance = d.pop("stance")

        round_ = d.pop("round")

        def _parse_effective_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_date = _parse_effective_date(d.pop("effective_date"))

        text = d.pop("text", UNSET)

        def _parse_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        current_position = cls(
            uuid=uuid,
            party=party,
            stance=stance,
            round_=round_,
            effective_date=effective_date,
            text=text,
            date=date,
        )

        current_position.additional_properties = d
        return current_position

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
