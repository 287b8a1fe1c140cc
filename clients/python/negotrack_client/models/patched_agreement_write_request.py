from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedAgreementWriteRequest")


@_attrs_define
class PatchedAgreementWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            process (str | Unset): the slug of the negotiation process
            round_ (None | str | Unset): the slug of the round it was reached at; leave out (or null) and give `date`
                between rounds
            date (datetime.date | None | Unset): between rounds only: the day it was reported
            date_precision (DatePrecisionEnum | Unset): * `day` - day
                * `week` - week (stored as its Monday)
                * `month` - month (stored as its first day)
            title (str | Unset):
            terms (str | Unset): what was agreed, as reported
            figures (Any | Unset): the numbers in the terms: [{"label": "prisoners of war exchanged", "value": 314}], each
                with a label, a value and optionally a unit
            parties (list[str] | Unset): slugs of the parties bound by it; at least one
            issues (list[str] | Unset): slugs of the agenda issues it settles, all of the record's process
            carried_out_on (datetime.date | None | Unset): when it was carried out, if known
            carried_out_precision (DatePrecisionEnum | Unset): * `day` - day
                * `week` - week (stored as its Monday)
                * `month` - month (stored as its first day)
            sources (list[UUID] | Unset): UUIDs of the sources that report it; publishing needs at least one
    """

    version: int | Unset = UNSET
    process: str | Unset = UNSET
    round_: None | str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    title: str | Unset = UNSET
    terms: str | Unset = UNSET
    figures: Any | Unset = UNSET
    parties: list[str] | Unset = UNSET
    issues: list[str] | Unset = UNSET
    carried_out_on: datetime.date | None | Unset = UNSET
    carried_out_precision: DatePrecisionEnum | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        process = self.process

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

        title = self.title

        terms = self.terms

        figures = self.figures

        parties: list[str] | Unset = UNSET
        if not isinstance(self.parties, Unset):
            parties = self.parties

        issues: list[str] | Unset = UNSET
        if not isinstance(self.issues, Unset):
            issues = self.issues

        carried_out_on: None | str | Unset
        if isinstance(self.carried_out_on, Unset):
            carried_out_on = UNSET
        elif isinstance(self.carried_out_on, datetime.date):
            carried_out_on = self.carried_out_on.isoformat()
        else:
            carried_out_on = self.carried_out_on

        carried_out_precision: str | Unset = UNSET
        if not isinstance(self.carried_out_precision, Unset):
            carried_out_precision = self.carried_out_precision

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
        if round_ is not UNSET:
            field_dict["round"] = round_
        if date is not UNSET:
            field_dict["date"] = date
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if title is not UNSET:
            field_dict["title"] = title
        if terms is not UNSET:
            field_dict["terms"] = terms
        if figures is not UNSET:
            field_dict["figures"] = figures
        if parties is not UNSET:
            field_dict["parties"] = parties
        if issues is not UNSET:
            field_dict["issues"] = issues
        if carried_out_on is not UNSET:
            field_dict["carried_out_on"] = carried_out_on
        if carried_out_precision is not UNSET:
            field_dict["carried_out_precision"] = carried_out_precision
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        process = d.pop("process", UNSET)

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

        title = d.pop("title", UNSET)

        terms = d.pop("terms", UNSET)

        figures = d.pop("figures", UNSET)

        parties = cast(list[str], d.pop("parties", UNSET))

        issues = cast(list[str], d.pop("issues", UNSET))

        def _parse_carried_out_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carried_out_on_type_0 = datetime.date.fromisoformat(data)

                return carried_out_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        carried_out_on = _parse_carried_out_on(d.pop("carried_out_on", UNSET))

        _carried_out_precision = d.pop("carried_out_precision", UNSET)
        carried_out_precision: DatePrecisionEnum | Unset
        if isinstance(_carried_out_precision, Unset):
            carried_out_precision = UNSET
        else:
            carried_out_precision = check_date_precision_enum(_carried_out_precision)

        _sources = d.pop("sources", UNSET)
        sources: list[UUID] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = UUID(sources_item_data)

                sources.append(sources_item)

        patched_agreement_write_request = cls(
            version=version,
            process=process,
            round_=round_,
            date=date,
            date_precision=date_precision,
            title=title,
            terms=terms,
            figures=figures,
            parties=parties,
            issues=issues,
            carried_out_on=carried_out_on,
            carried_out_precision=carried_out_precision,
            sources=sources,
        )

        patched_agreement_write_request.additional_properties = d
        return patched_agreement_write_request

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
