from typing import Literal

PositionsListInclude = Literal["drafts"]

POSITIONS_LIST_INCLUDE_VALUES: set[PositionsListInclude] = {
    "drafts",
}


def check_positions_list_include(value: str) -> PositionsListInclude:
    if value in POSITIONS_LIST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POSITIONS_LIST_INCLUDE_VALUES!r}")
