from typing import Literal

SessionTrackEnum = Literal[
    "bilateral", "economic", "humanitarian", "military", "other", "plenary", "political", "technical"
]

SESSION_TRACK_ENUM_VALUES: set[SessionTrackEnum] = {
    "bilateral",
    "economic",
    "humanitarian",
    "military",
    "other",
    "plenary",
    "political",
    "technical",
}


def check_session_track_enum(value: str) -> SessionTrackEnum:
    if value in SESSION_TRACK_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_TRACK_ENUM_VALUES!r}")
