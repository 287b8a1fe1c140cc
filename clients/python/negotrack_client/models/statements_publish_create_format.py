from typing import Literal

StatementsPublishCreateFormat = Literal["csv", "json"]

STATEMENTS_PUBLISH_CREATE_FORMAT_VALUES: set[StatementsPublishCreateFormat] = {
    "csv",
    "json",
}


def check_statements_publish_create_format(value: str) -> StatementsPublishCreateFormat:
    if value in STATEMENTS_PUBLISH_CREATE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENTS_PUBLISH_CREATE_FORMAT_VALUES!r}")
