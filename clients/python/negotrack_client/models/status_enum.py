from typing import Literal

StatusEnum = Literal[
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

STATUS_ENUM_VALUES: set[StatusEnum] = {
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


def check_status_enum(value: str) -> StatusEnum:
    if value in STATUS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_ENUM_VALUES!r}")
