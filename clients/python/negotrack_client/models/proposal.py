from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.date_precision_enum import DatePrecisionEnum, check_date_precision_enum
from ..models.medium_enum import MediumEnum, check_medium_enum
from ..models.statement_kind_enum import StatementKindEnum, check_statement_kind_enum

if TYPE_CHECKING:
    from ..models.proposed_speaker import ProposedSpeaker


T = TypeVar("T", bound="Proposal")


@_attrs_define
class Proposal:
    """A statement the report gives, as a draft would take it (POST statements/).

    Attributes:
        words (str): what was said, as the report gives it
        kind (StatementKindEnum): * `quote` - direct quote
            * `paraphrase` - paraphrase
        speaker (ProposedSpeaker): Who the report says spoke: a person on record, a person it names who is not on
            record yet (`new`), or an unnamed speaker as it describes them.
        party (None | str): the slug of the party they spoke for: their delegation's at the round, or the one an unnamed
            speaker's description names; null when not known
        title (str): their title in the round's delegation; empty when none
        date (datetime.date): the day it was said, or the first day of its week or month (see date_precision): from the
            words of the attribution, else the report's day, else the round's last day
        date_precision (DatePrecisionEnum): * `day` - day
            * `week` - week (stored as its Monday)
            * `month` - month (stored as its first day)
        date_words (str): the words the date was read from ("on Tuesday"); empty when none
        date_warning (None | str): why a draft with this date would need `confirm_date` (more than 30 days from the
            round); null when it would not
        medium (MediumEnum): * `press_remarks` - remarks to the press
            * `press_conference` - press conference
            * `social_media` - social-media post
            * `interview` - interview
            * `readout` - official readout or statement
            * `speech` - speech
            * `other` - other
            * `not_reported` - not reported
        medium_words (str): the words that say how ("told reporters"); empty when none
        issues (list[str]): the slugs of the agenda issues of the round's process it may concern, the likeliest first
        language (str): the words' language, as a code: en, ru, uk
        text_is_translation (bool): true when the words are in English but the speaker mostly speaks another language on
            record
        on_record (None | UUID): the UUID of a statement already recorded with these words (a draft or published); null
            when none
    """

    words: str
    kind: StatementKindEnum
    speaker: ProposedSpeaker
    party: None | str
    title: str
    date: datetime.date
    date_precision: DatePrecisionEnum
    date_words: str
    date_warning: None | str
    medium: MediumEnum
    medium_words: str
    issues: list[str]
    language: str
    text_is_translation: bool
    on_record: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        words = self.words

        kind: str = self.kind

        speaker = self.speaker.to_dict()

        party: None | str
        party = self.party

        title = self.title

        date = self.date.isoformat()

        date_precision: str = self.date_precision

        date_words = self.date_words

        date_warning: None | str
        date_warning = self.date_warning

        medium: str = self.medium

        medium_words = self.medium_words

        issues = self.issues

        language = self.language

        text_is_translation = self.text_is_translation

        on_record: None | str
        if isinstance(self.on_record, UUID):
            on_record = str(self.on_record)
        else:
            on_record = self.on_record

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "words": words,
                "kind": kind,
                "speaker": speaker,
                "party": party,
                "title": title,
                "date": date,
                "date_precision": date_precision,
                "date_words": date_words,
                "date_warning": date_warning,
                "medium": medium,
                "medium_words": medium_words,
                "issues": issues,
                "language": language,
                "text_is_translation": text_is_translation,
                "on_record": on_record,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposed_speaker import ProposedSpeaker  # noqa: PLC0415

        d = dict(src_dict)
        words = d.pop("words")

        kind = check_statement_kind_enum(d.pop("kind"))

        speaker = ProposedSpeaker.from_dict(d.pop("speaker"))

        def _parse_party(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        party = _parse_party(d.pop("party"))

        title = d.pop("title")

        date = datetime.date.fromisoformat(d.pop("date"))

        date_precision = check_date_precision_enum(d.pop("date_precision"))

        date_words = d.pop("date_words")

        def _parse_date_warning(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_warning = _parse_date_warning(d.pop("date_warning"))

        medium = check_medium_enum(d.pop("medium"))

        medium_words = d.pop("medium_words")

        issues = cast(list[str], d.pop("issues"))

        language = d.pop("language")

        text_is_translation = d.pop("text_is_translation")

        def _parse_on_record(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_record_type_0 = UUID(data)

                return on_record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        on_record = _parse_on_record(d.pop("on_record"))

        proposal = cls(
            words=words,
            kind=kind,
            speaker=speaker,
            party=party,
            title=title,
            date=date,
            date_precision=date_precision,
            date_words=date_words,
            date_warning=date_warning,
            medium=medium,
            medium_words=medium_words,
            issues=issues,
            language=language,
            text_is_translation=text_is_translation,
            on_record=on_record,
        )

        proposal.additional_properties = d
        return proposal

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
