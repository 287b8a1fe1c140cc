from typing import Literal

StatementsSendBackCreateFormat = Literal["csv", "json"]

STATEMENTS_SEND_BACK_CREATE_FORMAT_VALUES: set[StatementsSendBackCreateFormat] = {
    "csv",
    "json",
}


def check_statements_send_back_create_format(value: str) -> StatementsSendBackCreateFormat:
    if value in STATEMENTS_SEND_BACK_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_SEND_BACK_CREATE_FORMAT_VALUES!r}")
