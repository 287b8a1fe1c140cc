from typing import Literal

StatementsRetrieveFormat = Literal["csv", "json"]

STATEMENTS_RETRIEVE_FORMAT_VALUES: set[StatementsRetrieveFormat] = {
    "csv",
    "json",
}


def check_statements_retrieve_format(value: str) -> StatementsRetrieveFormat:
    if value in STATEMENTS_RETRIEVE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_RETRIEVE_FORMAT_VALUES!r}")
