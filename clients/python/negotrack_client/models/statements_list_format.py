from typing import Literal

StatementsListFormat = Literal["csv", "json"]

STATEMENTS_LIST_FORMAT_VALUES: set[StatementsListFormat] = {
    "csv",
    "json",
}


def check_statements_list_format(value: str) -> StatementsListFormat:
    if value in STATEMENTS_LIST_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_LIST_FORMAT_VALUES!r}")
