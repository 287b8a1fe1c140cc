from typing import Literal

StatusMatrixRetrieveFormat = Literal["csv", "json"]

STATUS_MATRIX_RETRIEVE_FORMAT_VALUES: set[StatusMatrixRetrieveFormat] = {
    "csv",
    "json",
}


def check_status_matrix_retrieve_format(value: str) -> StatusMatrixRetrieveFormat:
    if value in STATUS_MATRIX_RETRIEVE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_MATRIX_RETRIEVE_FORMAT_VALUES!r}")
