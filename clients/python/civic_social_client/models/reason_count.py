from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReasonCount")


@_attrs_define
class ReasonCount:
    """
    Attributes:
        reason_code (str):
        actions (int):
        share (float): Of all actions in the period
    """

    reason_code: str
    actions: int
    share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code

        actions = self.actions

        share = self.share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason_code": reason_code,
                "actions": actions,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason_code = d.pop("reason_code")

        actions = d.pop("actions")

        share = d.pop("share")

        reason_count = cls(
            reason_code=reason_code,
            actions=actions,
            share=share,
        )

        reason_count.additional_properties = d
        return reason_count

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
