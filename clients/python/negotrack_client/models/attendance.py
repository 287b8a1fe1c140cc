from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Attendance")


@_attrs_define
class Attendance:
    """
    Attributes:
        uuid (UUID): the record's identity, kept through export and import
        version (int): bumped by every save
        created_at (datetime.datetime): when the record was first saved
        updated_at (datetime.datetime): when the record was last saved
        session (UUID): UUID of the session
        membership (UUID): UUID of the membership: who, in which delegation
        person (str): slug of the person
        round_ (str): slug of the session's round
    """

    uuid: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    session: UUID
    membership: UUID
    person: str
    round_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        session = str(self.session)

        membership = str(self.membership)

        person = self.person

        round_ = self.round_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "session": session,
                "membership": membership,
                "person": person,
                "round": round_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        session = UUID(d.pop("session"))

        membership = UUID(d.pop("membership"))

        person = d.pop("person")

        round_ = d.pop("round")

        attendance = cls(
            uuid=uuid,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            session=session,
            membership=membership,
            person=person,
            round_=round_,
        )

        attendance.additional_properties = d
        return attendance

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
