from typing import Literal

RoundFormatEnum = Literal["bilateral", "multilateral", "proximity", "trilateral"]

ROUND_FORMAT_ENUM_VALUES: set[RoundFormatEnum] = {
    "bilateral",
    "multilateral",
    "proximity",
    "trilateral",
}


def check_round_format_enum(value: str) -> RoundFormatEnum:
    if value in ROUND_FORMAT_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROUND_FORMAT_ENUM_VALUES!r}")
