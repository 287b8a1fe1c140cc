from typing import Literal

EventEnum = Literal[
    "create", "delete", "discard", "propose", "publish", "rebuild", "send_back", "supersede", "update", "withdraw"
]

EVENT_ENUM_VALUES: set[EventEnum] = {
    "create",
    "delete",
    "discard",
    "propose",
    "publish",
    "rebuild",
    "send_back",
    "supersede",
    "update",
    "withdraw",
}


def check_event_enum(value: str) -> EventEnum:
    if value in EVENT_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVENT_ENUM_VALUES!r}")
