from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum, check_status_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.round_ref import RoundRef


T = TypeVar("T", bound="CurrentStatus")


@_attrs_define
class CurrentStatus:
    """
    Attributes:
        uuid (UUID):
        status (StatusEnum): * `collapsed` - collapsed
            * `deadlocked` - deadlocked
            * `stalled` - stalled
            * `not_discussed` - not discussed
            * `raised` - raised
            * `discussed` - discussed
            * `progress` - progress
            * `near_agreement` - near agreement
            * `agreed` - agreed
            * `implemented` - implemented
        definition (str): the definition of the status, from the vocabulary
        effective_date (datetime.date | None): the round's last day, or the date
        round_ (None | RoundRef): the round it came from; null between rounds
        summary (str | Unset): what the reports say, in a few sentences
        date (datetime.date | None | Unset): between rounds only: the day it was reported
    """

    uuid: UUID
    status: StatusEnum
    definition: str
    effective_date: datetime.date | None
    round_: None | RoundRef
    summary: str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.round_ref import RoundRef  # noqa: PLC0415

        uuid = str(self.uuid)

        status: str = self.status

        definition = self.definition

        effective_date: None | str
        if isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        round_: dict[str, Any] | None
        if isinstance(self.round_, RoundRef):
            round_ = self.round_.to_dict()
        else:
            round_ = self.round_

        summary = self.summary

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
                "status": status,
                "definition": definition,
                "effective_date": effective_date,
                "round": round_,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if date is not UNSET:
            field_dict["date"] = date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_ref import RoundRef  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        status = check_status_enum(d.pop("status"))

        definition = d.pop("definition")

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

        def _parse_round_(data: object) -> None | RoundRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                round_type_1 = RoundRef.from_dict(data)

                return round_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoundRef, data)

        round_ = _parse_round_(d.pop("round"))

        summary = d.pop("summary", UNSET)

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

        current_status = cls(
            uuid=uuid,
            status=status,
            definition=definition,
            effective_date=effective_date,
            round_=round_,
            summary=summary,
            date=date,
        )

        current_status.additional_properties = d
        return current_status

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
