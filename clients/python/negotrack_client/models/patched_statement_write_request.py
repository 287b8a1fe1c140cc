from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..models.medium_enum import MediumEnum, check_medium_enum
from ..models.statement_kind_enum import StatementKindEnum, check_statement_kind_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedStatementWriteRequest")


@_attrs_define
class PatchedStatementWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            process (str | Unset): the slug of the negotiation process
            round_ (None | str | Unset): the slug of the round it was said at; leave out (or null) and give `date` between
                rounds
            session (None | Unset | UUID): UUID of the session it was said at, if known
            speaker (None | str | Unset): the speaker's slug; leave out and fill speaker_description when the speaker is not
                named
            speaker_name (str | Unset): the speaker as a report names them, instead of `speaker`: a full name, an alias, a
                surname or another part of a name (Umerov, Medinsky), in any script and case. When it fits several people, the
                delegates of the statement's round are preferred. A name that fits several, none, or only spellings close to it
                (another transliteration, a letter off) answers 400 on `speaker_name` with a message naming the people it could
                be, with their slugs: send one as `speaker`. Not with `speaker`
            speaker_description (str | Unset): when the speaker is not named: "a senior Russian official"
            party (None | str | Unset): the slug of the party they spoke for
            speaker_title (str | Unset): their title when speaking
            date (datetime.date | Unset): the day it was said, or any day of its week or month (see date_precision)
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
            text (str | Unset): the words as said (quote) or as reported (paraphrase), in the original language
            translation (str | Unset): an English translation, when the text is in another language
            text_is_translation (bool | Unset): the original wording is not on record: the text is the report's own
                rendering in its language
            issues (list[str] | Unset): slugs of the agenda issues it concerns; a write replaces the whole list, all of the
                record's process
            sources (list[UUID] | Unset): UUIDs of the sources that report it; publishing needs at least one
            confirm_date (bool | Unset): confirm a date more than 30 days from the statement's round; without it such a date
                answers 400 on `date` Default: False.
            confirm_party (bool | Unset): confirm a `party` the speaker never sat for (no delegation of that party on record
                counts them); without it such a party answers 400 on `party`. Not asked of an unnamed speaker Default: False.
    """

    version: int | Unset = UNSET
    process: str | Unset = UNSET
    round_: None | str | Unset = UNSET
    session: None | Unset | UUID = UNSET
    speaker: None | str | Unset = UNSET
    speaker_name: str | Unset = UNSET
    speaker_description: str | Unset = UNSET
    party: None | str | Unset = UNSET
    speaker_title: str | Unset = UNSET
    date: datetime.date | Unset = UNSET
    date_precision: DatePrecisionEnum | Unset = UNSET
    medium: MediumEnum | Unset = UNSET
    kind: StatementKindEnum | Unset = UNSET
    language: str | Unset = UNSET
    text: str | Unset = UNSET
    translation: str | Unset = UNSET
    text_is_translation: bool | Unset = UNSET
    issues: list[str] | Unset = UNSET
    sources: list[UUID] | Unset = UNSET
    confirm_date: bool | Unset = False
    confirm_party: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        process = self.process

        round_: None | str | Unset
        if isinstance(self.round_, Unset):
            round_ = UNSET
        else:
            round_ = self.round_

        session: None | str | Unset
        if isinstance(self.session, Unset):
            session = UNSET
        elif isinstance(self.session, UUID):
            session = str(self.session)
        else:
            session = self.session

        speaker: None | str | Unset
        if isinstance(self.speaker, Unset):
            speaker = UNSET
        else:
            speaker = self.speaker

        speaker_name = self.speaker_name

        speaker_description: str | Unset
        if isinstance(self.speaker_description, Unset):
            speaker_description = UNSET
        else:
            speaker_description = self.speaker_description

        party: None | str | Unset
        if isinstance(self.party, Unset):
            party = UNSET
        else:
            party = self.party

        speaker_title: str | Unset
        if isinstance(self.speaker_title, Unset):
            speaker_title = UNSET
        else:
            speaker_title = self.speaker_title

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

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

        text = self.text

        translation: str | Unset
        if isinstance(self.translation, Unset):
            translation = UNSET
        else:
            translation = self.translation

        text_is_translation = self.text_is_translation

        issues: list[str] | Unset = UNSET
        if not isinstance(self.issues, Unset):
            issues = self.issues

        sources: list[str] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = str(sources_item_data)
                sources.append(sources_item)

        confirm_date = self.confirm_date

        confirm_party = self.confirm_party

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if process is not UNSET:
            field_dict["process"] = process
        if round_ is not UNSET:
            field_dict["round"] = round_
        if session is not UNSET:
            field_dict["session"] = session
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if speaker_name is not UNSET:
            field_dict["speaker_name"] = speaker_name
        if speaker_description is not UNSET:
            field_dict["speaker_description"] = speaker_description
        if party is not UNSET:
            field_dict["party"] = party
        if speaker_title is not UNSET:
            field_dict["speaker_title"] = speaker_title
        if date is not UNSET:
            field_dict["date"] = date
        if date_precision is not UNSET:
            field_dict["date_precision"] = date_precision
        if medium is not UNSET:
            field_dict["medium"] = medium
        if kind is not UNSET:
            field_dict["kind"] = kind
        if language is not UNSET:
            field_dict["language"] = language
        if text is not UNSET:
            field_dict["text"] = text
        if translation is not UNSET:
            field_dict["translation"] = translation
        if text_is_translation is not UNSET:
            field_dict["text_is_translation"] = text_is_translation
        if issues is not UNSET:
            field_dict["issues"] = issues
        if sources is not UNSET:
            field_dict["sources"] = sources
        if confirm_date is not UNSET:
            field_dict["confirm_date"] = confirm_date
        if confirm_party is not UNSET:
            field_dict["confirm_party"] = confirm_party

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

        def _parse_session(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_type_0 = UUID(data)

                return session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        session = _parse_session(d.pop("session", UNSET))

        def _parse_speaker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        speaker = _parse_speaker(d.pop("speaker", UNSET))

        speaker_name = d.pop("speaker_name", UNSET)

        def _parse_speaker_description(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        speaker_description = _parse_speaker_description(d.pop("speaker_description", UNSET))

        def _parse_party(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        party = _parse_party(d.pop("party", UNSET))

        def _parse_speaker_title(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        speaker_title = _parse_speaker_title(d.pop("speaker_title", UNSET))

        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

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

        text = d.pop("text", UNSET)

        def _parse_translation(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        translation = _parse_translation(d.pop("translation", UNSET))

        text_is_translation = d.pop("text_is_translation", UNSET)

        issues = cast(list[str], d.pop("issues", UNSET))

        _sources = d.pop("sources", UNSET)
        sources: list[UUID] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = UUID(sources_item_data)

                sources.append(sources_item)

        confirm_date = d.pop("confirm_date", UNSET)

        confirm_party = d.pop("confirm_party", UNSET)

        patched_statement_write_request = cls(
            version=version,
            process=process,
            round_=round_,
            session=session,
            speaker=speaker,
            speaker_name=speaker_name,
            speaker_description=speaker_description,
            party=party,
            speaker_title=speaker_title,
            date=date,
            date_precision=date_precision,
            medium=medium,
            kind=kind,
            language=language,
            text=text,
            translation=translation,
            text_is_translation=text_is_translation,
            issues=issues,
            sources=sources,
            confirm_date=confirm_date,
            confirm_party=confirm_party,
        )

        patched_statement_write_request.additional_properties = d
        return patched_statement_write_request

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
