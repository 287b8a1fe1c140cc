from typing import Literal

MatrixRoundStatusesAdditionalPropertyType2Type1 = Literal[
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

MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_2_TYPE_1_VALUES: set[MatrixRoundStatusesAdditionalPropertyType2Type1] = {
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


def check_matrix_round_statuses_additional_property_type_2_type_1(
    value: str,
) -> MatrixRoundStatusesAdditionalPropertyType2Type1:
    if value in MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_2_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MATRIX_ROUND_STATUSES_ADDITIONAL_PROPERTY_TYPE_2_TYPE_1_VALUES!r}"
    )
