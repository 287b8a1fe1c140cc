from typing import Literal

SessionsListTrackType0 = Literal[
    "bilateral", "economic", "humanitarian", "military", "other", "plenary", "political", "technical"
]

SESSIONS_LIST_TRACK_TYPE_0_VALUES: set[SessionsListTrackType0] = {
    "bilateral",
    "economic",
    "humanitarian",
    "military",
    "other",
    "plenary",
    "political",
    "technical",
}


def check_sessions_list_track_type_0(value: str) -> SessionsListTrackType0:
    if value in SESSIONS_LIST_TRACK_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSIONS_LIST_TRACK_TYPE_0_VALUES!r}")
