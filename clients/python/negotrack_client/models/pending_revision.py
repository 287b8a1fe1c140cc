from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pending_revision_state_enum import PendingRevisionStateEnum, check_pending_revision_state_enum

if TYPE_CHECKING:
    from ..models.pending_revision_proposed import PendingRevisionProposed


T = TypeVar("T", bound="PendingRevision")


@_attrs_define
class PendingRevision:
    """
    Attributes:
        uuid (UUID):
        state (PendingRevisionStateEnum): * `open` - awaiting review
            * `published` - published
            * `discarded` - discarded
        base_version (int): the record's version the change was made on
        changed_fields (list[str]):
        proposed (PendingRevisionProposed): the proposed values of the fields it changes, as a read shows them
        proposed_by (None | str): the user name of the editor
        proposed_at (datetime.datetime):
        review_queue (str): the reviewers' page that lists it
    """

    uuid: UUID
    state: PendingRevisionStateEnum
    base_version: int
    changed_fields: list[str]
    proposed: PendingRevisionProposed
    proposed_by: None | str
    proposed_at: datetime.datetime
    review_queue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        state: str = self.state

        base_version = self.base_version

        changed_fields = self.changed_fields

        proposed = self.proposed.to_dict()

        proposed_by: None | str
        proposed_by = self.proposed_by

        proposed_at = self.proposed_at.isoformat()

        review_queue = self.review_queue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "state": state,
                "base_version": base_version,
                "changed_fields": changed_fields,
                "proposed": proposed,
                "proposed_by": proposed_by,
                "proposed_at": proposed_at,
                "review_queue": review_queue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_revision_proposed import PendingRevisionProposed  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        state = check_pending_revision_state_enum(d.pop("state"))

        base_version = d.pop("base_version")

        changed_fields = cast(list[str], d.pop("changed_fields"))

        proposed = PendingRevisionProposed.from_dict(d.pop("proposed"))

        def _parse_proposed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposed_by = _parse_proposed_by(d.pop("proposed_by"))

        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))

        review_queue = d.pop("review_queue")

        pending_revision = cls(
            uuid=uuid,
            state=state,
            base_version=base_version,
            changed_fields=changed_fields,
            proposed=proposed,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            review_queue=review_queue,
        )

        pending_revision.additional_properties = d
        return pending_revision

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
