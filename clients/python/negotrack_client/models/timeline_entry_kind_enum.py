from typing import Literal

TimelineEntryKindEnum = Literal["agreement", "correction", "position_change", "statement", "status_change"]

TIMELINE_ENTRY_KIND_ENUM_VALUES: set[TimelineEntryKindEnum] = {
    "agreement",
    "correction",
    "position_change",
    "statement",
    "status_change",
}


def check_timeline_entry_kind_enum(value: str) -> TimelineEntryKindEnum:
    if value in TIMELINE_ENTRY_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIMELINE_ENTRY_KIND_ENUM_VALUES!r}")
