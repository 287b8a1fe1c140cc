from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedAttendanceWriteRequest")


@_attrs_define
class PatchedAttendanceWriteRequest:
    """Input of a write: plain values, related records by slug or UUID. The services
    validate the record (the model's rules and their own); this only parses, each value
    in its JSON type (STRICT_FIELDS).

        Attributes:
            version (int | Unset): the version you read; a write over a newer version answers 409 and changes nothing (`If-
                Match` does the same, answering 412)
            session (UUID | Unset): UUID of the session
            membership (UUID | Unset): UUID of the membership of the one who took part, in a delegation at the session's
                round
    """

    version: int | Unset = UNSET
    session: UUID | Unset = UNSET
    membership: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        session: str | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = str(self.session)

        membership: str | Unset = UNSET
        if not isinstance(self.membership, Unset):
            membership = str(self.membership)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if session is not UNSET:
            field_dict["session"] = session
        if membership is not UNSET:
            field_dict["membership"] = membership

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        _session = d.pop("session", UNSET)
        session: UUID | Unset
        if isinstance(_session, Unset):
            session = UNSET
        else:
            session = UUID(_session)

        _membership = d.pop("membership", UNSET)
        membership: UUID | Unset
        if isinstance(_membership, Unset):
            membership = UNSET
        else:
            membership = UUID(_membership)

        patched_attendance_write_request = cls(
            version=version,
            session=session,
            membership=membership,
        )

        patched_attendance_write_request.additional_properties = d
        return patched_attendance_write_request

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
