from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proposal import Proposal
    from ..models.report_as_read import ReportAsRead


T = TypeVar("T", bound="Proposals")


@_attrs_define
class Proposals:
    """What a report proposes; nothing of it is saved.

    Attributes:
        report (ReportAsRead): The report as negotrack read it: what the editor sent, else what the text says of itself.
        statements (list[Proposal]): the statements the report gives, the least sure speakers first and those already on
            record last
    """

    report: ReportAsRead
    statements: list[Proposal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report = self.report.to_dict()

        statements = []
        for statements_item_data in self.statements:
            statements_item = statements_item_data.to_dict()
            statements.append(statements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "report": report,
                "statements": statements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal import Proposal  # noqa: PLC0415
        from ..models.report_as_read import ReportAsRead  # noqa: PLC0415

        d = dict(src_dict)
        report = ReportAsRead.from_dict(d.pop("report"))

        statements = []
        _statements = d.pop("statements")
        for statements_item_data in _statements:
            statements_item = Proposal.from_dict(statements_item_data)

            statements.append(statements_item)

        proposals = cls(
            report=report,
            statements=statements,
        )

        proposals.additional_properties = d
        return proposals

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
