from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_state_enum import DeliveryStateEnum, check_delivery_state_enum
from ..models.webhook_event_enum import WebhookEventEnum, check_webhook_event_enum

if TYPE_CHECKING:
    from ..models.attempt import Attempt


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        uuid (UUID):
        event (UUID): the event's id, as sent
        type_ (WebhookEventEnum): * `status.changed` - an agenda issue's current status in the public record changed
            * `statement.published` - a statement was published (a correction sends record.corrected)
            * `agreement.published` - an agreement was published (a correction sends record.corrected)
            * `record.withdrawn` - a published statement, status, position or agreement was withdrawn
            * `record.corrected` - a correction was published, superseding the record it corrects
            * `timeline.rebuilt` - an agenda issue's timeline was rebuilt with different entries
        state (DeliveryStateEnum): * `pending` - waiting to be sent, or to be retried
            * `delivered` - answered 2xx
            * `failed` - given up after a day of failed attempts
        created_at (datetime.datetime):
        attempts (int):
        next_attempt_at (datetime.datetime):
        finished_at (datetime.datetime | None): when it was delivered or given up
        redelivery_of (None | UUID): the delivery this one sends again
        attempt_log (list[Attempt]): every attempt, newest first
    """

    uuid: UUID
    event: UUID
    type_: WebhookEventEnum
    state: DeliveryStateEnum
    created_at: datetime.datetime
    attempts: int
    next_attempt_at: datetime.datetime
    finished_at: datetime.datetime | None
    redelivery_of: None | UUID
    attempt_log: list[Attempt]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        event = str(self.event)

        type_: str = self.type_

        state: str = self.state

        created_at = self.created_at.isoformat()

        attempts = self.attempts

        next_attempt_at = self.next_attempt_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        redelivery_of: None | str
        if isinstance(self.redelivery_of, UUID):
            redelivery_of = str(self.redelivery_of)
        else:
            redelivery_of = self.redelivery_of

        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "event": event,
                "type": type_,
                "state": state,
                "created_at": created_at,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "finished_at": finished_at,
                "redelivery_of": redelivery_of,
                "attempt_log": attempt_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt  # noqa: PLC0415

        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        event = UUID(d.pop("event"))

        type_ = check_webhook_event_enum(d.pop("type"))

        state = check_delivery_state_enum(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        attempts = d.pop("attempts")

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_redelivery_of(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                redelivery_of_type_0 = UUID(data)

                return redelivery_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        redelivery_of = _parse_redelivery_of(d.pop("redelivery_of"))

        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in _attempt_log:
            attempt_log_item = Attempt.from_dict(attempt_log_item_data)

            attempt_log.append(attempt_log_item)

        delivery = cls(
            uuid=uuid,
            event=event,
            type_=type_,
            state=state,
            created_at=created_at,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            finished_at=finished_at,
            redelivery_of=redelivery_of,
            attempt_log=attempt_log,
        )

        delivery.additional_properties = d
        return delivery

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
