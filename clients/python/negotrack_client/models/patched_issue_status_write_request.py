from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..models.status_enum import StatusEnum, check_status_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedIssueStatusWriteRequest")


@_attrs_define
class PatchedIssueStatusWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            issue (str | Unset): the agenda issue's slug
            round_ (None | str | Unset): the slug of the round it was assessed at; leave out (or null) and give `date`
                between rounds
            date (datetime.date | None | Unset): between rounds only: the day it was reported
            date_precision (DatePrecisionEnum | Unset): * `day` - day
                * `week` - week (stored as its Monday)
                * `month` - month (stored as its first day)
            status (StatusEnum | Unset): * `collapsed` - collapsed
                * `deadlocked` - deadlocked
                * `stalled` - stalled
                * `not_discussed` - not discussed
                * `raised` - raised
                * `discussed` - discussed
                * `progress` - progress
                * `near_agreement` - near agreement
                * `agreed` - agreed
                * `implemented` - implemented
            summary (str | Unset): what the reports say, in a few sentences
            sources (list[UUID] | Unset): UUIDs of the sources that report it; publishing needs at least one
    """

    version: int | Unset = UNSET
    issue: str | Unset = UNSET
    round_: None | str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    status: StatusEnum | Unset = UNSET
    summary: str | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        issue = self.issue

        round_: None | str | Unset
        if isinstance(self.round_, Unset):
            round_ = UNSET
        else:
            round_ = self.round_

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        date_precision: str | Unset = UNSET
        if not isinstance(self.date_precision, Unset):
            date_precision = self.date_precision

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        summary: str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

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
        if issue is not UNSET:
            field_dict["issue"] = issue
        if round_ is not UNSET:
            field_dict["round"] = round_
        if date is not UNSET:
            field_dict["date"] = date
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        issue = d.pop("issue", UNSET)

        def _parse_round_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        round_ = _parse_round_(d.pop("round", UNSET))

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

        _date_precision = d.pop("date_precision", UNSET)
        date_precision: DatePrecisionEnum | Unset
        if isinstance(_date_precision, Unset):
            date_precision = UNSET
        else:
            date_precision = check_date_precision_enum(_date_precision)

        _status = d.pop("status", UNSET)
        status: StatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_status_enum(_status)

        def _parse_summary(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[UUID] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = UUID(sources_item_data)

                sources.append(sources_item)

        patched_issue_status_write_request = cls(
            version=version,
            issue=issue,
            round_=round_,
            date=date,
            date_precision=date_precision,
            status=status,
            summary=summary,
            sources=sources,
        )

        patched_issue_status_write_request.additional_properties = d
        return patched_issue_status_write_request

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
