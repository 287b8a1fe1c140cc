from typing import Literal

StatusesRetrieveInclude = Literal["drafts"]

STATUSES_RETRIEVE_INCLUDE_VALUES: set[StatusesRetrieveInclude] = {
    "drafts",
}


def check_statuses_retrieve_include(value: str) -> StatusesRetrieveInclude:
    if value in STATUSES_RETRIEVE_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUSES_RETRIEVE_INCLUDE_VALUES!r}")
