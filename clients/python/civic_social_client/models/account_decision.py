from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountDecision")


@_attrs_define
class AccountDecision:
    """
    Attributes:
        reason (str):
        approved_emergency_channel (bool | Unset): On approval: the account may publish emergency information Default:
            False.
    """

    reason: str
    approved_emergency_channel: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        approved_emergency_channel = self.approved_emergency_channel

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if approved_emergency_channel is not UNSET:
            field_dict["approved_emergency_channel"] = approved_emergency_channel

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        approved_emergency_channel = d.pop("approved_emergency_channel", UNSET)

        account_decision = cls(
            reason=reason,
            approved_emergency_channel=approved_emergency_channel,
        )

        return account_decision
