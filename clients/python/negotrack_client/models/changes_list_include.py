from typing import Literal

ChangesListInclude = Literal["drafts"]

CHANGES_LIST_INCLUDE_VALUES: set[ChangesListInclude] = {
    "drafts",
}


def check_changes_list_include(value: str) -> ChangesListInclude:
    if value in CHANGES_LIST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGES_LIST_INCLUDE_VALUES!r}")
