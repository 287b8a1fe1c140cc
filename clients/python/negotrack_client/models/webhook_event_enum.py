from typing import Literal

WebhookEventEnum = Literal[
    "agreement.published",
    "record.corrected",
    "record.withdrawn",
    "statement.published",
    "status.changed",
    "timeline.rebuilt",
]

WEBHOOK_EVENT_ENUM_VALUES: set[WebhookEventEnum] = {
    "agreement.published",
    "record.corrected",
    "record.withdrawn",
    "statement.published",
    "status.changed",
    "timeline.rebuilt",
}


def check_webhook_event_enum(value: str) -> WebhookEventEnum:
    if value in WEBHOOK_EVENT_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WEBHOOK_EVENT_ENUM_VALUES!r}")
