from typing import Literal

StatementsRetrieveInclude = Literal["drafts"]

STATEMENTS_RETRIEVE_INCLUDE_VALUES: set[StatementsRetrieveInclude] = {
    "drafts",
}


def check_statements_retrieve_include(value: str) -> StatementsRetrieveInclude:
    if value in STATEMENTS_RETRIEVE_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_RETRIEVE_INCLUDE_VALUES!r}")
