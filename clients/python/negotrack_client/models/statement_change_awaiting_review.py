from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pending_revision import PendingRevision


T = TypeVar("T", bound="StatementChangeAwaitingReview")


@_attrs_define
class StatementChangeAwaitingReview:
    """
    Attributes:
        pending_revision (PendingRevision):
        detail (str):
    """

    pending_revision: PendingRevision
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pending_revision = self.pending_revision.to_dict()

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pending_revision": pending_revision,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_revision import PendingRevision  # noqa: PLC0415

        d = dict(src_dict)
        pending_revision = PendingRevision.from_dict(d.pop("pending_revision"))

        detail = d.pop("detail")

        statement_change_awaiting_review = cls(
            pending_revision=pending_revision,
            detail=detail,
        )

        statement_change_awaiting_review.additional_properties = d
        return statement_change_awaiting_review

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
