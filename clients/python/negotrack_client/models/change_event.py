from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_enum import ActionEnum, check_action_enum
from ..models.change_event_type_enum import ChangeEventTypeEnum, check_change_event_type_enum
from ..models.event_enum import EventEnum, check_event_enum

if TYPE_CHECKING:
    from ..models.change_event_refs import ChangeEventRefs


T = TypeVar("T", bound="ChangeEvent")


@_attrs_define
class ChangeEvent:
    """
    Attributes:
        cursor (str): this change's position: pass it as `since` to read what came after
        occurred_at (datetime.datetime): when the change was written
        action (ActionEnum): * `create` - create
            * `update` - update
            * `delete` - delete
        event (EventEnum): * `create` - created
            * `update` - updated
            * `delete` - deleted
            * `publish` - published
            * `withdraw` - withdrawn
            * `supersede` - superseded by a correction
            * `send_back` - sent back to its editor
            * `rebuild` - timeline rebuilt
            * `propose` - change proposed for review
            * `discard` - proposed change discarded
        type_ (ChangeEventTypeEnum): * `agreements` - agreements
            * `attendances` - attendances
            * `delegations` - delegations
            * `issues` - issues
            * `memberships` - memberships
            * `parties` - parties
            * `people` - people
            * `positions` - positions
            * `processes` - processes
            * `rounds` - rounds
            * `sessions` - sessions
            * `sources` - sources
            * `statement_issue_links` - statement_issue_links
            * `statements` - statements
            * `statuses` - statuses
            * `timelines` - timelines
        uuid (UUID): the record's UUID
        version (int): the record's version after the change
        changed_fields (list[str]): the fields that changed
        refs (ChangeEventRefs): natural references for records that a UUID alone cannot place once deleted: a
            statement's issue link has {"statement": uuid, "issue": slug}; a rebuilt timeline {"issue": slug}
        url (None | str): the record's API detail; null when it has none or no longer exists
    """

    cursor: str
    occurred_at: datetime.datetime
    action: ActionEnum
    event: EventEnum
    type_: ChangeEventTypeEnum
    uuid: UUID
    version: int
    changed_fields: list[str]
    refs: ChangeEventRefs
    url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        occurred_at = self.occurred_at.isoformat()

        action: str = self.action

        event: str = self.event

        type_: str = self.type_

        uuid = str(self.uuid)

        version = self.version

        changed_fields = self.changed_fields

        refs = self.refs.to_dict()

        url: None | str
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cursor": cursor,
                "occurred_at": occurred_at,
                "action": action,
                "event": event,
                "type": type_,
                "uuid": uuid,
                "version": version,
                "changed_fields": changed_fields,
                "refs": refs,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_event_refs import ChangeEventRefs  # noqa: PLC0415

        d = dict(src_dict)
        cursor = d.pop("cursor")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        action = check_action_enum(d.pop("action"))

        event = check_event_enum(d.pop("event"))

        type_ = check_change_event_type_enum(d.pop("type"))

        uuid = UUID(d.pop("uuid"))

        version = d.pop("version")

        changed_fields = cast(list[str], d.pop("changed_fields"))

        refs = ChangeEventRefs.from_dict(d.pop("refs"))

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        change_event = cls(
            cursor=cursor,
            occurred_at=occurred_at,
            action=action,
            event=event,
            type_=type_,
            uuid=uuid,
            version=version,
            changed_fields=changed_fields,
            refs=refs,
            url=url,
        )

        change_event.additional_properties = d
        return change_event

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
