from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grant_read import GrantRead


T = TypeVar("T", bound="SuspensionSweepResult")


@_attrs_define
class SuspensionSweepResult:
    """
    Attributes:
        swept_at (datetime.datetime):
        suspended (list[GrantRead]): Grants newly recorded as suspended
        reinstated (list[GrantRead]): Grants whose holder is eligible again
    """

    swept_at: datetime.datetime
    suspended: list[GrantRead]
    reinstated: list[GrantRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        swept_at = self.swept_at.isoformat()

        suspended = []
        for suspended_item_data in self.suspended:
            suspended_item = suspended_item_data.to_dict()
            suspended.append(suspended_item)

        reinstated = []
        for reinstated_item_data in self.reinstated:
            reinstated_item = reinstated_item_data.to_dict()
            reinstated.append(reinstated_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "swept_at": swept_at,
                "suspended": suspended,
                "reinstated": reinstated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_read import GrantRead  # noqa: PLC0415

        d = dict(src_dict)
        swept_at = datetime.datetime.fromisoformat(d.pop("swept_at"))

        suspended = []
        _suspended = d.pop("suspended")
        for suspended_item_data in _suspended:
            suspended_item = GrantRead.from_dict(suspended_item_data)

            suspended.append(suspended_item)

        reinstated = []
        _reinstated = d.pop("reinstated")
        for reinstated_item_data in _reinstated:
            reinstated_item = GrantRead.from_dict(reinstated_item_data)

            reinstated.append(reinstated_item)

        suspension_sweep_result = cls(
            swept_at=swept_at,
            suspended=suspended,
            reinstated=reinstated,
        )

        suspension_sweep_result.additional_properties = d
        return suspension_sweep_result

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
