from typing import Literal

StatementsListInclude = Literal["drafts"]

STATEMENTS_LIST_INCLUDE_VALUES: set[StatementsListInclude] = {
    "drafts",
}


def check_statements_list_include(value: str) -> StatementsListInclude:
    if value in STATEMENTS_LIST_INCLUDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_LIST_INCLUDE_VALUES!r}")
