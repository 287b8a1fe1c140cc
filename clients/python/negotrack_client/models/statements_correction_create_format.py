from typing import Literal

StatementsCorrectionCreateFormat = Literal["csv", "json"]

STATEMENTS_CORRECTION_CREATE_FORMAT_VALUES: set[StatementsCorrectionCreateFormat] = {
    "csv",
    "json",
}


def check_statements_correction_create_format(value: str) -> StatementsCorrectionCreateFormat:
    if value in STATEMENTS_CORRECTION_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_CORRECTION_CREATE_FORMAT_VALUES!r}")
