from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_summary import AccountSummary


T = TypeVar("T", bound="SweepResult")


@_attrs_define
class SweepResult:
    """
    Attributes:
        swept_at (datetime.datetime):
        inactive_days (int):
        marked_dormant (list[AccountSummary]):
    """

    swept_at: datetime.datetime
    inactive_days: int
    marked_dormant: list[AccountSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        swept_at = self.swept_at.isoformat()

        inactive_days = self.inactive_days

        marked_dormant = []
        for marked_dormant_item_data in self.marked_dormant:
            marked_dormant_item = marked_dormant_item_data.to_dict()
            marked_dormant.append(marked_dormant_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "swept_at": swept_at,
                "inactive_days": inactive_days,
                "marked_dormant": marked_dormant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_summary import AccountSummary  # noqa: PLC0415

        d = dict(src_dict)
        swept_at = datetime.datetime.fromisoformat(d.pop("swept_at"))

        inactive_days = d.pop("inactive_days")

        marked_dormant = []
        _marked_dormant = d.pop("marked_dormant")
        for marked_dormant_item_data in _marked_dormant:
            marked_dormant_item = AccountSummary.from_dict(marked_dormant_item_data)

            marked_dormant.append(marked_dormant_item)

        sweep_result = cls(
            swept_at=swept_at,
            inactive_days=inactive_days,
            marked_dormant=marked_dormant,
        )

        sweep_result.additional_properties = d
        return sweep_result

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
