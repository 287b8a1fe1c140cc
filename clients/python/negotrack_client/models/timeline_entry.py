from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..models.timeline_entry_kind_enum import TimelineEntryKindEnum, check_timeline_entry_kind_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.party_brief import PartyBrief
    from ..models.timeline_record import TimelineRecord
    from ..models.timeline_source import TimelineSource


T = TypeVar("T", bound="TimelineEntry")


@_attrs_define
class TimelineEntry:
    """
    Attributes:
        key (str): stable: the entry's kind and the UUID of its record
        kind (TimelineEntryKindEnum): * `status_change` - status change
            * `statement` - statement
            * `position_change` - position change
            * `agreement` - agreement
            * `correction` - correction
        date (datetime.date):
        round_ (None | str): the round; null between rounds
        party (None | PartyBrief): the party it concerns, where one does
        title (str):
        record (TimelineRecord):
        sources (list[TimelineSource]):
        date_precision (DatePrecisionEnum | Unset): * `day` - day
            * `week` - week (stored as its Monday)
            * `month` - month (stored as its first day)
        text (str | Unset):
        before (str | Unset): the status (or stance) before this entry; empty for the first
        after (str | Unset): the status (or stance) after it
    """

    key: str
    kind: TimelineEntryKindEnum
    date: datetime.date
    round_: None | str
    party: None | PartyBrief
    title: str
    record: TimelineRecord
    sources: list[TimelineSource]
    date_precision: DatePrecisionEnum | Unset = UNSET
    text: str | Unset = UNSET
    before: str | Unset = UNSET
    after: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.party_brief import PartyBrief  # noqa: PLC0415

        key = self.key

        kind: str = self.kind

        date = self.date.isoformat()

        round_: None | str
        round_ = self.round_

        party: dict[str, Any] | None
        if isinstance(self.party, PartyBrief):
            party = self.party.to_dict()
        else:
            party = self.party

        title = self.title

        record = self.record.to_dict()

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        date_precision: str | Unset = UNSET
        if not isinstance(self.date_precision, Unset):
            date_precision = self.date_precision

        text = self.text

        before = self.before

        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "kind": kind,
                "date": date,
                "round": round_,
                "party": party,
                "title": title,
                "record": record,
                "sources": sources,
            }
        )
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if text is not UNSET:
            field_dict["text"] = text
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party_brief import PartyBrief  # noqa: PLC0415
        from ..models.timeline_record import TimelineRecord  # noqa: PLC0415
        from ..models.timeline_source import TimelineSource  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        kind = check_timeline_entry_kind_enum(d.pop("kind"))

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_round_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        round_ = _parse_round_(d.pop("round"))

        def _parse_party(data: object) -> None | PartyBrief:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                party_type_1 = PartyBrief.from_dict(data)

                return party_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyBrief, data)

        party = _parse_party(d.pop("party"))

        title = d.pop("title")

        record = TimelineRecord.from_dict(d.pop("record"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = TimelineSource.from_dict(sources_item_data)

            sources.append(sources_item)

        _date_precision = d.pop("date_precision", UNSET)
        date_precision: DatePrecisionEnum | Unset
        if isinstance(_date_precision, Unset):
            date_precision = UNSET
        else:
            date_precision = check_date_precision_enum(_date_precision)

        text = d.pop("text", UNSET)

        before = d.pop("before", UNSET)

        after = d.pop("after", UNSET)

        timeline_entry = cls(
            key=key,
            kind=kind,
            date=date,
            round_=round_,
            party=party,
            title=title,
            record=record,
            sources=sources,
            date_precision=date_precision,
            text=text,
            before=before,
            after=after,
        )

        timeline_entry.additional_properties = d
        return timeline_entry

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
