from typing import Literal

MediumEnum = Literal[
    "interview", "not_reported", "other", "press_conference", "press_remarks", "readout", "social_media", "speech"
]

MEDIUM_ENUM_VALUES: set[MediumEnum] = {
    "interview",
    "not_reported",
    "other",
    "press_conference",
    "press_remarks",
    "readout",
    "social_media",
    "speech",
}


def check_medium_enum(value: str) -> MediumEnum:
    if value in MEDIUM_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEDIUM_ENUM_VALUES!r}")
