from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_track_enum import SessionTrackEnum, check_session_track_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        uuid (UUID): the record's identity, kept through export and import
        version (int): bumped by every save
        created_at (datetime.datetime): when the record was first saved
        updated_at (datetime.datetime): when the record was last saved
        round_ (str): slug of the round it belongs to
        date (datetime.date): the local day of the sitting
        start_time (None | str | Unset): local start time in `time_zone`, if known
        end_time (None | str | Unset): local end time in `time_zone`, if known
        time_zone (str | Unset): IANA name (Asia/Dubai, Europe/Zurich), needed when a time is given
        track (SessionTrackEnum | Unset): * `plenary` - plenary
            * `political` - political group
            * `military` - military group
            * `economic` - economic group
            * `humanitarian` - humanitarian group
            * `technical` - technical group
            * `bilateral` - bilateral meeting
            * `other` - other
        summary (str | Unset): what happened at the sitting
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    round_: str
    date: datetime.date
    start_time: None | str | Unset = UNSET
    end_time: None | str | Unset = UNSET
    time_zone: str | Unset = UNSET
    track: SessionTrackEnum | Unset = UNSET
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        round_ = self.round_

        date = self.date.isoformat()

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        time_zone = self.time_zone

        track: str | Unset = UNSET
        if not isinstance(self.track, Unset):
            track = self.track

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "round": round_,
                "date": date,
            }
        )
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if track is not UNSET:
            field_dict["track"] = track
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        round_ = d.pop("round")

        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        _track = d.pop("track", UNSET)
        track: SessionTrackEnum | Unset
        if isinstance(_track, Unset):
            track = UNSET
        else:
            track = check_session_track_enum(_track)

        summary = d.pop("summary", UNSET)

        session = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            round_=round_,
            date=date,
            start_time=start_time,
            end_time=end_time,
            time_zone=time_zone,
            track=track,
            summary=summary,
        )

        session.additional_properties = d
        return session

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
