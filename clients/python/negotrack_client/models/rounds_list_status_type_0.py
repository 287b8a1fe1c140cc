from typing import Literal

RoundsListStatusType0 = Literal["cancelled", "concluded", "scheduled", "under_way"]

ROUNDS_LIST_STATUS_TYPE_0_VALUES: set[RoundsListStatusType0] = {
    "cancelled",
    "concluded",
    "scheduled",
    "under_way",
}


def check_rounds_list_status_type_0(value: str) -> RoundsListStatusType0:
    if value in ROUNDS_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROUNDS_LIST_STATUS_TYPE_0_VALUES!r}")
