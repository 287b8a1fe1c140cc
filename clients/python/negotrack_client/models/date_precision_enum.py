from typing import Literal

DatePrecisionEnum = Literal["day", "month", "week"]

DATE_PRECISION_ENUM_VALUES: set[DatePrecisionEnum] = {
    "day",
    "month",
    "week",
}


def check_date_precision_enum(value: str) -> DatePrecisionEnum:
    if value in DATE_PRECISION_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATE_PRECISION_ENUM_VALUES!r}")
