from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_enum import ChangeEnum, check_change_enum
from ..models.state_enum import StateEnum, check_state_enum
from ..models.status_enum import StatusEnum, check_status_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_brief import IssueBrief
    from ..models.notice import Notice
    from ..models.source_brief import SourceBrief


T = TypeVar("T", bound="RoundIssueStatus")


@_attrs_define
class RoundIssueStatus:
    """The publication state, and for withdrawn or superseded records their correction notice.

    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        issue (IssueBrief):
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
        change (ChangeEnum | None): How the status moved from the issue's previous published assessment: `new` (none
            before), `improved`, `worse` or `unchanged`, by the vocabulary's order; null on a correction notice.
        sources (list[SourceBrief]):
        state (StateEnum): * `draft` - draft
            * `published` - published
            * `withdrawn` - withdrawn
            * `superseded` - superseded by a correction
        notice (None | Notice): the correction notice; null unless withdrawn or superseded
        revises (None | UUID): for a correction: UUID of the record it corrects (superseded once the correction is
            published)
        review_note (str): on a draft a reviewer sent back: what to change; empty otherwise
        summary (str | Unset): what the reports say, in a few sentences
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    issue: IssueBrief
    status: StatusEnum
    definition: str
    change: ChangeEnum | None
    sources: list[SourceBrief]
    state: StateEnum
    notice: None | Notice
    revises: None | UUID
    review_note: str
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.notice import Notice  # noqa: PLC0415

        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        issue = self.issue.to_dict()

        status: str = self.status

        definition = self.definition

        change: None | str
        if isinstance(self.change, str):
            change = self.change
        else:
            change = self.change

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

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "issue": issue,
                "status": status,
                "definition": definition,
                "change": change,
                "sources": sources,
                "state": state,
                "notice": notice,
                "revises": revises,
                "review_note": review_note,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_brief import IssueBrief  # noqa: PLC0415
        from ..models.notice import Notice  # noqa: PLC0415
        from ..models.source_brief import SourceBrief  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        issue = IssueBrief.from_dict(d.pop("issue"))

        status = check_status_enum(d.pop("status"))

        definition = d.pop("definition")

        def _parse_change(data: object) -> ChangeEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                change_type_0 = check_change_enum(data)

                return change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeEnum | None, data)

        change = _parse_change(d.pop("change"))

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

        summary = d.pop("summary", UNSET)

        round_issue_status = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            issue=issue,
            status=status,
            definition=definition,
            change=change,
            sources=sources,
            state=state,
            notice=notice,
            revises=revises,
            review_note=review_note,
            summary=summary,
        )

        round_issue_status.additional_properties = d
        return round_issue_status

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
