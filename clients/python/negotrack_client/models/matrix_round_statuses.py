from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.matrix_round_statuses_additional_property_type_1 import (
    MatrixRoundStatusesAdditionalPropertyType1,
    check_matrix_round_statuses_additional_property_type_1,
)
from ..models.matrix_round_statuses_additional_property_type_2_type_1 import (
    MatrixRoundStatusesAdditionalPropertyType2Type1,
    check_matrix_round_statuses_additional_property_type_2_type_1,
)
from ..models.matrix_round_statuses_additional_property_type_3_type_1 import (
    MatrixRoundStatusesAdditionalPropertyType3Type1,
    check_matrix_round_statuses_additional_property_type_3_type_1,
)

T = TypeVar("T", bound="MatrixRoundStatuses")


@_attrs_define
class MatrixRoundStatuses:
    """for each issue slug, the status published for this round, or null where it was not assessed"""

    additional_properties: dict[
        str,
        MatrixRoundStatusesAdditionalPropertyType1
        | MatrixRoundStatusesAdditionalPropertyType2Type1
        | MatrixRoundStatusesAdditionalPropertyType3Type1
        | None,
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, str):
                field_dict[prop_name] = prop
            elif isinstance(prop, str):
                field_dict[prop_name] = prop
            elif isinstance(prop, str):
                field_dict[prop_name] = prop
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        matrix_round_statuses = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> (
                MatrixRoundStatusesAdditionalPropertyType1
                | MatrixRoundStatusesAdditionalPropertyType2Type1
                | MatrixRoundStatusesAdditionalPropertyType3Type1
                | None
            ):
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    additional_property_type_1 = check_matrix_round_statuses_additional_property_type_1(data)

                    return additional_property_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    additional_property_type_2_type_1 = check_matrix_round_statuses_additional_property_type_2_type_1(
                        data
                    )

                    return additional_property_type_2_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    additional_property_type_3_type_1 = check_matrix_round_statuses_additional_property_type_3_type_1(
                        data
                    )

                    return additional_property_type_3_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    MatrixRoundStatusesAdditionalPropertyType1
                    | MatrixRoundStatusesAdditionalPropertyType2Type1
                    | MatrixRoundStatusesAdditionalPropertyType3Type1
                    | None,
                    data,
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        matrix_round_statuses.additional_properties = additional_properties
        return matrix_round_statuses

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> (
        MatrixRoundStatusesAdditionalPropertyType1
        | MatrixRoundStatusesAdditionalPropertyType2Type1
        | MatrixRoundStatusesAdditionalPropertyType3Type1
        | None
    ):
        return self.additional_properties[key]

    def __setitem__(
        self,
        key: str,
        value: MatrixRoundStatusesAdditionalPropertyType1
        | MatrixRoundStatusesAdditionalPropertyType2Type1
        | MatrixRoundStatusesAdditionalPropertyType3Type1
        | None,
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
