from typing import Literal

StatusesListStatusType0 = Literal[
    "agreed",
    "collapsed",
    "deadlocked",
    "discussed",
    "implemented",
    "near_agreement",
    "not_discussed",
    "progress",
    "raised",
    "stalled",
]

STATUSES_LIST_STATUS_TYPE_0_VALUES: set[StatusesListStatusType0] = {
    "agreed",
    "collapsed",
    "deadlocked",
    "discussed",
    "implemented",
    "near_agreement",
    "not_discussed",
    "progress",
    "raised",
    "stalled",
}


def check_statuses_list_status_type_0(value: str) -> StatusesListStatusType0:
    if value in STATUSES_LIST_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUSES_LIST_STATUS_TYPE_0_VALUES!r}")
