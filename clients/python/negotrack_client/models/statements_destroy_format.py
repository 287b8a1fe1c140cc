from typing import Literal

StatementsDestroyFormat = Literal["csv", "json"]

STATEMENTS_DESTROY_FORMAT_VALUES: set[StatementsDestroyFormat] = {
    "csv",
    "json",
}


def check_statements_destroy_format(value: str) -> StatementsDestroyFormat:
    if value in STATEMENTS_DESTROY_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_DESTROY_FORMAT_VALUES!r}")
