from typing import Literal

SurenessEnum = Literal["described", "exact", "followed", "new", "suggested", "surname"]

SURENESS_ENUM_VALUES: set[SurenessEnum] = {
    "described",
    "exact",
    "followed",
    "new",
    "suggested",
    "surname",
}


def check_sureness_enum(value: str) -> SurenessEnum:
    if value in SURENESS_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SURENESS_ENUM_VALUES!r}")
