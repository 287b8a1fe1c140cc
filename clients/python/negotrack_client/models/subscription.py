from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_state_enum import SubscriptionStateEnum, check_subscription_state_enum
from ..models.webhook_event_enum import WebhookEventEnum, check_webhook_event_enum

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        uuid (UUID):
        url (str): where the events are POSTed
        events (list[WebhookEventEnum]): the events sent: `status.changed`: an agenda issue's current status in the
            public record changed; `statement.published`: a statement was published (a correction sends record.corrected);
            `agreement.published`: an agreement was published (a correction sends record.corrected); `record.withdrawn`: a
            published statement, status, position or agreement was withdrawn; `record.corrected`: a correction was
            published, superseding the record it corrects; `timeline.rebuilt`: an agenda issue's timeline was rebuilt with
            different entries
        process (None | str): only this process's events; null: every process
        issue (None | str): only this agenda issue's events; null: every issue
        state (SubscriptionStateEnum): * `active` - active
            * `failing` - paused: a delivery failed for a day; resume to go on
        failing_since (datetime.datetime | None): when it was paused for failing
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    uuid: UUID
    url: str
    events: list[WebhookEventEnum]
    process: None | str
    issue: None | str
    state: SubscriptionStateEnum
    failing_since: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str = events_item_data
            events.append(events_item)

        process: None | str
        process = self.process

        issue: None | str
        issue = self.issue

        state: str = self.state

        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "url": url,
                "events": events,
                "process": process,
                "issue": issue,
                "state": state,
                "failing_since": failing_since,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = check_webhook_event_enum(events_item_data)

            events.append(events_item)

        def _parse_process(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        process = _parse_process(d.pop("process"))

        def _parse_issue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issue = _parse_issue(d.pop("issue"))

        state = check_subscription_state_enum(d.pop("state"))

        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)

                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        subscription = cls(
            uuid=uuid,
            url=url,
            events=events,
            process=process,
            issue=issue,
            state=state,
            failing_since=failing_since,
            created_at=created_at,
            updated_at=updated_at,
        )

        subscription.additional_properties = d
        return subscription

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
