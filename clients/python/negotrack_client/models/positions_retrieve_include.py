from typing import Literal

PositionsRetrieveInclude = Literal["drafts"]

POSITIONS_RETRIEVE_INCLUDE_VALUES: set[PositionsRetrieveInclude] = {
    "drafts",
}


def check_positions_retrieve_include(value: str) -> PositionsRetrieveInclude:
    if value in POSITIONS_RETRIEVE_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POSITIONS_RETRIEVE_INCLUDE_VALUES!r}")
