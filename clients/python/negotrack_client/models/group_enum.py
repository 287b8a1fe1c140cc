from typing import Literal

GroupEnum = Literal["Agreements", "Corrections", "Positions", "Statements", "Status"]

GROUP_ENUM_VALUES: set[GroupEnum] = {
    "Agreements",
    "Corrections",
    "Positions",
    "Statements",
    "Status",
}


def check_group_enum(value: str) -> GroupEnum:
    if value in GROUP_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GROUP_ENUM_VALUES!r}")
