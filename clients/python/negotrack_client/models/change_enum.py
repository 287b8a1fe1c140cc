from typing import Literal

ChangeEnum = Literal["improved", "new", "unchanged", "worse"]

CHANGE_ENUM_VALUES: set[ChangeEnum] = {
    "improved",
    "new",
    "unchanged",
    "worse",
}


def check_change_enum(value: str) -> ChangeEnum:
    if value in CHANGE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_ENUM_VALUES!r}")
