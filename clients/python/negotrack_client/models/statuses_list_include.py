from typing import Literal

StatusesListInclude = Literal["drafts"]

STATUSES_LIST_INCLUDE_VALUES: set[StatusesListInclude] = {
    "drafts",
}


def check_statuses_list_include(value: str) -> StatusesListInclude:
    if value in STATUSES_LIST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUSES_LIST_INCLUDE_VALUES!r}")
