from typing import Literal

StatementsCreateFormat = Literal["csv", "json"]

STATEMENTS_CREATE_FORMAT_VALUES: set[StatementsCreateFormat] = {
    "csv",
    "json",
}


def check_statements_create_format(value: str) -> StatementsCreateFormat:
    if value in STATEMENTS_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_CREATE_FORMAT_VALUES!r}")
