from typing import Literal

MatrixRoundStatusesAdditionalPropertyType1 = Literal[
    "agreed",
    "collapsed",
    "deadlocked",
    "discussed",
    "implemented",
    "near_agreement",
    "not_discussed",
    "progress",
    "raised",
    "stalled",
]

MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_1_VALUES: set[MatrixRoundStatusesAdditionalPropertyType1] = {
    "agreed",
    "collapsed",
    "deadlocked",
    "discussed",
    "implemented",
    "near_agreement",
    "not_discussed",
    "progress",
    "raised",
    "stalled",
}


def check_matrix_round_statuses_additional_property_type_1(value: str) -> MatrixRoundStatusesAdditionalPropertyType1:
    if value in MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_1_VALUES!r}"
    )
