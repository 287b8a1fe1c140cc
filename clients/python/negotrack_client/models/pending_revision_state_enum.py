from typing import Literal

PendingRevisionStateEnum = Literal["discarded", "open", "published"]

PENDING_REVISION_STATE_ENUM_VALUES: set[PendingRevisionStateEnum] = {
    "discarded",
    "open",
    "published",
}


def check_pending_revision_state_enum(value: str) -> PendingRevisionStateEnum:
    if value in PENDING_REVISION_STATE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PENDING_REVISION_STATE_ENUM_VALUES!r}")
