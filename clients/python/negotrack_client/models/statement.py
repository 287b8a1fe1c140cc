from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..models.medium_enum import MediumEnum, check_medium_enum
from ..models.state_enum import StateEnum, check_state_enum
from ..models.statement_kind_enum import StatementKindEnum, check_statement_kind_enum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notice import Notice
    from ..models.source_brief import SourceBrief
    from ..models.speaker import Speaker


T = TypeVar("T", bound="Statement")


@_attrs_define
class Statement:
    """What was said, by whom, how, and where it was reported.

    Attributes:
        uuid (UUID):
        version (int): bumped by every save
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        process (str): the process's slug
        round_ (None | str): the round it was said at; null between rounds
        session (None | UUID): UUID of the session it was said at; null when not known
        speaker (None | Speaker): who said it; null when unnamed (see speaker_description)
        party (None | str): the slug of the party they spoke for; null when not known
        date (datetime.date): the day it was said, or the first day of its week or month (see date_precision)
        text (str): the words as said (quote) or as reported (paraphrase), in the original language
        issues (list[str]): the slugs of the agenda issues it concerns
        sources (list[SourceBrief]):
        state (StateEnum): * `draft` - draft
            * `published` - published
            * `withdrawn` - withdrawn
            * `superseded` - superseded by a correction
        notice (None | Notice): the correction notice; null unless withdrawn or superseded
        revises (None | UUID): for a correction: UUID of the record it corrects (superseded once the correction is
            published)
        review_note (str): on a draft a reviewer sent back: what to change; empty otherwise
        speaker_description (str | Unset): when the speaker is not named: "a senior Russian official"
        speaker_title (str | Unset): their title when speaking
        date_precision (DatePrecisionEnum | Unset): * `day` - day
            * `week` - week (stored as its Monday)
            * `month` - month (stored as its first day)
        medium (MediumEnum | Unset): * `press_remarks` - remarks to the press
            * `press_conference` - press conference
            * `social_media` - social-media post
            * `interview` - interview
            * `readout` - official readout or statement
            * `speech` - speech
            * `other` - other
            * `not_reported` - not reported
        kind (StatementKindEnum | Unset): * `quote` - direct quote
            * `paraphrase` - paraphrase
        language (str | Unset): language of the text, as a code: en, ru, uk
        translation (str | Unset): an English translation, when the text is in another language
        text_is_translation (bool | Unset): the original wording is not on record: the text is the report's own
            rendering in its language
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    process: str
    round_: None | str
    session: None | UUID
    speaker: None | Speaker
    party: None | str
    date: datetime.date
    text: str
    issues: list[str]
    sources: list[SourceBrief]
    state: StateEnum
    notice: None | Notice
    revises: None | UUID
    review_note: str
    speaker_description: str | Unset = UNSET
    speaker_title: str | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    medium: MediumEnum | Unset = UNSET
    kind: StatementKindEnum | Unset = UNSET
    language: str | Unset = UNSET
    translation: str | Unset = UNSET
    text_is_translation: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.notice import Notice  # noqa: PLC0415
        from ..models.speaker import Speaker  # noqa: PLC0415

        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        process = self.process

        round_: None | str
        round_ = self.round_

        session: None | str
        if isinstance(self.session, UUID):
            session = str(self.session)
        else:
            session = self.session

        speaker: dict[str, Any] | None
        if isinstance(self.speaker, Speaker):
            speaker = self.speaker.to_dict()
        else:
            speaker = self.speaker

        party: None | str
        party = self.party

        date = self.date.isoformat()

        text = self.text

        issues = self.issues

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

        speaker_description = self.speaker_description

        speaker_title = self.speaker_title

        date_precision: str | Unset = UNSET
        if not isinstance(self.date_precision, Unset):
            date_precision = self.date_precision

        medium: str | Unset = UNSET
        if not isinstance(self.medium, Unset):
            medium = self.medium

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        language = self.language

        translation = self.translation

        text_is_translation = self.text_is_translation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "process": process,
                "round": round_,
                "session": session,
                "speaker": speaker,
                "party": party,
                "date": date,
                "text": text,
                "issues": issues,
                "sources": sources,
                "state": state,
                "notice": notice,
                "revises": revises,
                "review_note": review_note,
            }
        )
        if speaker_description is not UNSET:
            field_dict["speaker_description"] = speaker_description
        if speaker_title is not UNSET:
            field_dict["speaker_title"] = speaker_title
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if medium is not UNSET:
            field_dict["medium"] = medium
        if kind is not UNSET:
            field_dict["kind"] = kind
        if language is not UNSET:
            field_dict["language"] = language
        if translation is not UNSET:
            field_dict["translation"] = translation
        if text_is_translation is not UNSET:
            field_dict["text_is_translation"] = text_is_translation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notice import Notice  # noqa: PLC0415
        from ..models.source_brief import SourceBrief  # noqa: PLC0415
        from ..models.speaker import Speaker  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        process = d.pop("process")

        def _parse_round_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        round_ = _parse_round_(d.pop("round"))

        def _parse_session(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_type_0 = UUID(data)

                return session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        session = _parse_session(d.pop("session"))

        def _parse_speaker(data: object) -> None | Speaker:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                speaker_type_1 = Speaker.from_dict(data)

                return speaker_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Speaker, data)

        speaker = _parse_speaker(d.pop("speaker"))

        def _parse_party(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        party = _parse_party(d.pop("party"))

        date = datetime.date.fromisoformat(d.pop("date"))

        text = d.pop("text")

        issues = cast(list[str], d.pop("issues"))

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

        speaker_description = d.pop("speaker_description", UNSET)

        speaker_title = d.pop("speaker_title", UNSET)

        _date_precision = d.pop("date_precision", UNSET)
        date_precision: DatePrecisionEnum | Unset
        if isinstance(_date_precision, Unset):
            date_precision = UNSET
        else:
            date_precision = check_date_precision_enum(_date_precision)

        _medium = d.pop("medium", UNSET)
        medium: MediumEnum | Unset
        if isinstance(_medium, Unset):
            medium = UNSET
        else:
            medium = check_medium_enum(_medium)

        _kind = d.pop("kind", UNSET)
        kind: StatementKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_statement_kind_enum(_kind)

        language = d.pop("language", UNSET)

        translation = d.pop("translation", UNSET)

        text_is_translation = d.pop("text_is_translation", UNSET)

        statement = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            process=process,
            round_=round_,
            session=session,
            speaker=speaker,
            party=party,
            date=date,
            text=text,
            issues=issues,
            sources=sources,
            state=state,
            notice=notice,
            revises=revises,
            review_note=review_note,
            speaker_description=speaker_description,
            speaker_title=speaker_title,
            date_precision=date_precision,
            medium=medium,
            kind=kind,
            language=language,
            translation=translation,
            text_is_translation=text_is_translation,
        )

        statement.additional_properties = d
        return statement

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
