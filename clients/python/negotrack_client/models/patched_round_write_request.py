from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_format_enum import RoundFormatEnum, check_round_format_enum
from ..models.round_status_enum import RoundStatusEnum, check_round_status_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedRoundWriteRequest")


@_attrs_define
class PatchedRoundWriteRequest:
    """A round's fields; its slug is the services' to make (city and first day, the
    process in front when another process met there that day), never the client's.

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            process (str | Unset): the slug of the negotiation process
            ordinal (int | None | Unset): the round's number in its process, if counted; unique in the process
            city (str | Unset):
            country (str | Unset):
            venue (str | Unset):
            start_date (datetime.date | None | Unset): the first day; a scheduled round may lack it (its slug is then
                provisional, fixed once the first day is known)
            end_date (datetime.date | None | Unset): the last day, if the round lasted more than one
            format_ (RoundFormatEnum | Unset): * `bilateral` - bilateral
                * `trilateral` - trilateral
                * `multilateral` - multilateral
                * `proximity` - proximity (indirect, through a mediator)
            status (RoundStatusEnum | Unset): * `scheduled` - scheduled
                * `under_way` - under way
                * `concluded` - concluded
                * `cancelled` - cancelled
            summary (str | Unset):
            outcome (str | Unset):
            sources (list[UUID] | Unset): UUIDs of the sources that report the round
    """

    version: int | Unset = UNSET
    process: str | Unset = UNSET
    ordinal: int | None | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    venue: str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    format_: RoundFormatEnum | Unset = UNSET
    status: RoundStatusEnum | Unset = UNSET
    summary: str | Unset = UNSET
    outcome: str | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        process = self.process

        ordinal: int | None | Unset
        if isinstance(self.ordinal, Unset):
            ordinal = UNSET
        else:
            ordinal = self.ordinal

        city: str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        venue: str | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        else:
            venue = self.venue

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        summary: str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        outcome: str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = str(sources_item_data)
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if process is not UNSET:
            field_dict["process"] = process
        if ordinal is not UNSET:
            field_dict["ordinal"] = ordinal
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if venue is not UNSET:
            field_dict["venue"] = venue
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if format_ is not UNSET:
            field_dict["format"] = format_
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        process = d.pop("process", UNSET)

        def _parse_ordinal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ordinal = _parse_ordinal(d.pop("ordinal", UNSET))

        def _parse_city(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_country(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_venue(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        venue = _parse_venue(d.pop("venue", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        _format_ = d.pop("format", UNSET)
        format_: RoundFormatEnum | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_round_format_enum(_format_)

        _status = d.pop("status", UNSET)
        status: RoundStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_round_status_enum(_status)

        def _parse_summary(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_outcome(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[UUID] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = UUID(sources_item_data)

                sources.append(sources_item)

        patched_round_write_request = cls(
            version=version,
            process=process,
            ordinal=ordinal,
            city=city,
            country=country,
            venue=venue,
            start_date=start_date,
            end_date=end_date,
            format_=format_,
            status=status,
            summary=summary,
            outcome=outcome,
            sources=sources,
        )

        patched_round_write_request.additional_properties = d
        return patched_round_write_request

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
