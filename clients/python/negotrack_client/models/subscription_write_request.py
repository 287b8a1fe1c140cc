from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_enum import WebhookEventEnum, check_webhook_event_enum
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionWriteRequest")


@_attrs_define
class SubscriptionWriteRequest:
    """
    Attributes:
        url (str): an http:// or https:// URL without a user name or password, whose host resolves to public addresses
            only (unless WEBHOOKS_ALLOW_PRIVATE_TARGETS)
        events (list[WebhookEventEnum]): the events sent: `status.changed`: an agenda issue's current status in the
            public record changed; `statement.published`: a statement was published (a correction sends record.corrected);
            `agreement.published`: an agreement was published (a correction sends record.corrected); `record.withdrawn`: a
            published statement, status, position or agreement was withdrawn; `record.corrected`: a correction was
            published, superseding the record it corrects; `timeline.rebuilt`: an agenda issue's timeline was rebuilt with
            different entries
        process (None | str | Unset): a process's slug: only its events (not with `issue`)
        issue (None | str | Unset): an agenda issue's slug: only its events (not with `process`)
    """

    url: str
    events: list[WebhookEventEnum]
    process: None | str | Unset = UNSET
    issue: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item: str = events_item_data
            events.append(events_item)

        process: None | str | Unset
        if isinstance(self.process, Unset):
            process = UNSET
        else:
            process = self.process

        issue: None | str | Unset
        if isinstance(self.issue, Unset):
            issue = UNSET
        else:
            issue = self.issue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )
        if process is not UNSET:
            field_dict["process"] = process
        if issue is not UNSET:
            field_dict["issue"] = issue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = check_webhook_event_enum(events_item_data)

            events.append(events_item)

        def _parse_process(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process = _parse_process(d.pop("process", UNSET))

        def _parse_issue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issue = _parse_issue(d.pop("issue", UNSET))

        subscription_write_request = cls(
            url=url,
            events=events,
            process=process,
            issue=issue,
        )

        subscription_write_request.additional_properties = d
        return subscription_write_request

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
