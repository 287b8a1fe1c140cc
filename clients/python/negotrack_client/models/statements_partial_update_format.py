from typing import Literal

StatementsPartialUpdateFormat = Literal["csv", "json"]

STATEMENTS_PARTIAL_UPDATE_FORMAT_VALUES: set[StatementsPartialUpdateFormat] = {
    "csv",
    "json",
}


def check_statements_partial_update_format(value: str) -> StatementsPartialUpdateFormat:
    if value in STATEMENTS_PARTIAL_UPDATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_PARTIAL_UPDATE_FORMAT_VALUES!r}")
