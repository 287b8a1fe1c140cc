from typing import Literal

StatementKindEnum = Literal["paraphrase", "quote"]

STATEMENT_KIND_ENUM_VALUES: set[StatementKindEnum] = {
    "paraphrase",
    "quote",
}


def check_statement_kind_enum(value: str) -> StatementKindEnum:
    if value in STATEMENT_KIND_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATEMENT_KIND_ENUM_VALUES!r}")
