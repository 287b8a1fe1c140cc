from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.state_enum import StateEnum, check_state_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure import Figure
    from ..models.notice import Notice
    from ..models.source_brief import SourceBrief


T = TypeVar("T", bound="RoundAgreement")


@_attrs_define
class RoundAgreement:
    """The publication state, and for withdrawn or superseded records their correction notice.

    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        title (str):
        terms (str): what was agreed, as reported
        figures (list[Figure]): the numbers in the terms
        parties (list[str]): the slugs of the parties bound by it
        issues (list[str]): the slugs of the agenda issues it settles
        carried_out_precision (str): the precision of carried_out_on: `day` (day), `week` (week (stored as its Monday)),
            `month` (month (stored as its first day))
        sources (list[SourceBrief]):
        state (StateEnum): * `draft` - draft
            * `published` - published
            * `withdrawn` - withdrawn
            * `superseded` - superseded by a correction
        notice (None | Notice): the correction notice; null unless withdrawn or superseded
        revises (None | UUID): for a correction: UUID of the record it corrects (superseded once the correction is
            published)
        review_note (str): on a draft a reviewer sent back: what to change; empty otherwise
        carried_out_on (datetime.date | None | Unset): when it was carried out, if known
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    title: str
    terms: str
    figures: list[Figure]
    parties: list[str]
    issues: list[str]
    carried_out_precision: str
    sources: list[SourceBrief]
    state: StateEnum
    notice: None | Notice
    revises: None | UUID
    review_note: str
    carried_out_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.notice import Notice  # noqa: PLC0415

        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        title = self.title

        terms = self.terms

        figures = []
        for figures_item_data in self.figures:
            figures_item = figures_item_data.to_dict()
            figures.append(figures_item)

        parties = self.parties

        issues = self.issues

        carried_out_precision = self.carried_out_precision

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        state: str = self.state

        notice: dict[str, Any] | None
        if isinstance(self.notice, Notice):
            notice = self.notice.to_dict()
        else:
            notice = self.notice

        revises: None | str
        if isinstance(self.revises, UUID):
            revises = str(self.revises)
        else:
            revises = self.revises

        review_note = self.review_note

        carried_out_on: None | str | Unset
        if isinstance(self.carried_out_on, Unset):
            carried_out_on = UNSET
        elif isinstance(self.carried_out_on, datetime.date):
            carried_out_on = self.carried_out_on.isoformat()
        else:
            carried_out_on = self.carried_out_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "title": title,
                "terms": terms,
                "figures": figures,
                "parties": parties,
                "issues": issues,
                "carried_out_precision": carried_out_precision,
                "sources": sources,
                "state": state,
                "notice": notice,
                "revises": revises,
                "review_note": review_note,
            }
        )
        if carried_out_on is not UNSET:
            field_dict["carried_out_on"] = carried_out_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure import Figure  # noqa: PLC0415
        from ..models.notice import Notice  # noqa: PLC0415
        from ..models.source_brief import SourceBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        title = d.pop("title")

        terms = d.pop("terms")

        figures = []
        _figures = d.pop("figures")
        for figures_item_data in _figures:
            figures_item = Figure.from_dict(figures_item_data)

            figures.append(figures_item)

        parties = cast(list[str], d.pop("parties"))

        issues = cast(list[str], d.pop("issues"))

        carried_out_precision = d.pop("carried_out_precision")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceBrief.from_dict(sources_item_data)

            sources.append(sources_item)

        state = check_state_enum(d.pop("state"))

        def _parse_notice(data: object) -> None | Notice:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_type_1 = Notice.from_dict(data)

                return notice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Notice, data)

        notice = _parse_notice(d.pop("notice"))

        def _parse_revises(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revises_type_0 = UUID(data)

                return revises_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        revises = _parse_revises(d.pop("revises"))

        review_note = d.pop("review_note")

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

        round_agreement = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            title=title,
            terms=terms,
            figures=figures,
            parties=parties,
            issues=issues,
            carried_out_precision=carried_out_precision,
            sources=sources,
            state=state,
            notice=notice,
            revises=revises,
            review_note=review_note,
            carried_out_on=carried_out_on,
        )

        round_agreement.additional_properties = d
        return round_agreement

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
