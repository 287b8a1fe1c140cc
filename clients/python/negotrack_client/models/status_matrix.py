from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_brief import IssueBrief
    from ..models.matrix_round import MatrixRound


T = TypeVar("T", bound="StatusMatrix")


@_attrs_define
class StatusMatrix:
    """
    Attributes:
        process (str): the process's slug
        issues (list[IssueBrief]): the process's agenda issues, in agenda order
        rounds (list[MatrixRound]): the process's rounds, in chronological order
    """

    process: str
    issues: list[IssueBrief]
    rounds: list[MatrixRound]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        process = self.process

        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        rounds = []
        for rounds_item_data in self.rounds:
            rounds_item = rounds_item_data.to_dict()
            rounds.append(rounds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "process": process,
                "issues": issues,
                "rounds": rounds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_brief import IssueBrief  # noqa: PLC0415
        from ..models.matrix_round import MatrixRound  # noqa: PLC0415

        d = dict(src_dict)
        process = d.pop("process")

        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = IssueBrief.from_dict(issues_item_data)

            issues.append(issues_item)

        rounds = []
        _rounds = d.pop("rounds")
        for rounds_item_data in _rounds:
            rounds_item = MatrixRound.from_dict(rounds_item_data)

            rounds.append(rounds_item)

        status_matrix = cls(
            process=process,
            issues=issues,
            rounds=rounds,
        )

        status_matrix.additional_properties = d
        return status_matrix

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
