from typing import Literal

ScaleEnum = Literal["human"]

SCALE_ENUM_VALUES: set[ScaleEnum] = {
    "human",
}


def check_scale_enum(value: str) -> ScaleEnum:
    if value in SCALE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCALE_ENUM_VALUES!r}")
