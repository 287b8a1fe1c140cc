from typing import Literal

StatementsWithdrawCreateFormat = Literal["csv", "json"]

STATEMENTS_WITHDRAW_CREATE_FORMAT_VALUES: set[StatementsWithdrawCreateFormat] = {
    "csv",
    "json",
}


def check_statements_withdraw_create_format(value: str) -> StatementsWithdrawCreateFormat:
    if value in STATEMENTS_WITHDRAW_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_WITHDRAW_CREATE_FORMAT_VALUES!r}")
