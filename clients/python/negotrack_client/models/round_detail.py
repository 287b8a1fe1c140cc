from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_format_enum import RoundFormatEnum, check_round_format_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.round_agreement import RoundAgreement
    from ..models.round_chair import RoundChair
    from ..models.round_delegation import RoundDelegation
    from ..models.round_issue_status import RoundIssueStatus
    from ..models.session import Session
    from ..models.source_brief import SourceBrief


T = TypeVar("T", bound="RoundDetail")


@_attrs_define
class RoundDetail:
    """
    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        slug (str): city and first day (geneva-2026-02-17); fixed once the first day is known
        process (str): the process's slug
        status (str): the round's status: `scheduled` (scheduled), `under_way` (under way), `concluded` (concluded),
            `cancelled` (cancelled)
        sources (list[SourceBrief]):
        chair (None | RoundChair): who chaired the talks, if anyone is on record as chair
        sessions (list[Session]):
        delegations (list[RoundDelegation]):
        issue_statuses (list[RoundIssueStatus]): the statuses assessed at this round; withdrawn and superseded ones as
            correction notices
        agreements (list[RoundAgreement]): what was agreed at this round
        ordinal (int | None | Unset): the round's number in its process, if counted
        city (str | Unset):
        country (str | Unset):
        venue (str | Unset):
        start_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
        format_ (RoundFormatEnum | Unset): * `bilateral` - bilateral
            * `trilateral` - trilateral
            * `multilateral` - multilateral
            * `proximity` - proximity (indirect, through a mediator)
        summary (str | Unset):
        outcome (str | Unset):
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    slug: str
    process: str
    status: str
    sources: list[SourceBrief]
    chair: None | RoundChair
    sessions: list[Session]
    delegations: list[RoundDelegation]
    issue_statuses: list[RoundIssueStatus]
    agreements: list[RoundAgreement]
    ordinal: int | None | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    venue: str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    format_: RoundFormatEnum | Unset = UNSET
    summary: str | Unset = UNSET
    outcome: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.round_chair import RoundChair  # noqa: PLC0415

        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        slug = self.slug

        process = self.process

        status = self.status

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        chair: dict[str, Any] | None
        if isinstance(self.chair, RoundChair):
            chair = self.chair.to_dict()
        else:
            chair = self.chair

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        delegations = []
        for delegations_item_data in self.delegations:
            delegations_item = delegations_item_data.to_dict()
            delegations.append(delegations_item)

        issue_statuses = []
        for issue_statuses_item_data in self.issue_statuses:
            issue_statuses_item = issue_statuses_item_data.to_dict()
            issue_statuses.append(issue_statuses_item)

        agreements = []
        for agreements_item_data in self.agreements:
            agreements_item = agreements_item_data.to_dict()
            agreements.append(agreements_item)

        ordinal: int | None | Unset
        if isinstance(self.ordinal, Unset):
            ordinal = UNSET
        else:
            ordinal = self.ordinal

        city = self.city

        country = self.country

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

        summary = self.summary

        outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "slug": slug,
                "process": process,
                "status": status,
                "sources": sources,
                "chair": chair,
                "sessions": sessions,
                "delegations": delegations,
                "issue_statuses": issue_statuses,
                "agreements": agreements,
            }
        )
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
        if summary is not UNSET:
            field_dict["summary"] = summary
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_agreement import RoundAgreement  # noqa: PLC0415
        from ..models.round_chair import RoundChair  # noqa: PLC0415
        from ..models.round_delegation import RoundDelegation  # noqa: PLC0415
        from ..models.round_issue_status import RoundIssueStatus  # noqa: PLC0415
        from ..models.session import Session  # noqa: PLC0415
        from ..models.source_brief import SourceBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        slug = d.pop("slug")

        process = d.pop("process")

        status = d.pop("status")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceBrief.from_dict(sources_item_data)

            sources.append(sources_item)

        def _parse_chair(data: object) -> None | RoundChair:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chair_type_1 = RoundChair.from_dict(data)

                return chair_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoundChair, data)

        chair = _parse_chair(d.pop("chair"))

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = Session.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        delegations = []
        _delegations = d.pop("delegations")
        for delegations_item_data in _delegations:
            delegations_item = RoundDelegation.from_dict(delegations_item_data)

            delegations.append(delegations_item)

        issue_statuses = []
        _issue_statuses = d.pop("issue_statuses")
        for issue_statuses_item_data in _issue_statuses:
            issue_statuses_item = RoundIssueStatus.from_dict(issue_statuses_item_data)

            issue_statuses.append(issue_statuses_item)

        agreements = []
        _agreements = d.pop("agreements")
        for agreements_item_data in _agreements:
            agreements_item = RoundAgreement.from_dict(agreements_item_data)

            agreements.append(agreements_item)

        def _parse_ordinal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ordinal = _parse_ordinal(d.pop("ordinal", UNSET))

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        venue = d.pop("venue", UNSET)

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

        summary = d.pop("summary", UNSET)

        outcome = d.pop("outcome", UNSET)

        round_detail = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            slug=slug,
            process=process,
            status=status,
            sources=sources,
            chair=chair,
            sessions=sessions,
            delegations=delegations,
            issue_statuses=issue_statuses,
            agreements=agreements,
            ordinal=ordinal,
            city=city,
            country=country,
            venue=venue,
            start_date=start_date,
            end_date=end_date,
            format_=format_,
            summary=summary,
            outcome=outcome,
        )

        round_detail.additional_properties = d
        return round_detail

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
