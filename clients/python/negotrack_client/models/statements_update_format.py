from typing import Literal

StatementsUpdateFormat = Literal["csv", "json"]

STATEMENTS_UPDATE_FORMAT_VALUES: set[StatementsUpdateFormat] = {
    "csv",
    "json",
}


def check_statements_update_format(value: str) -> StatementsUpdateFormat:
    if value in STATEMENTS_UPDATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_UPDATE_FORMAT_VALUES!r}")
