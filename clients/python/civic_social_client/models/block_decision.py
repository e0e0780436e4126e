from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BlockDecision")


@_attrs_define
class BlockDecision:
    """
    Attributes:
        approve (bool):
        reason (str):
    """

    approve: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        approve = self.approve

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approve": approve,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approve = d.pop("approve")

        reason = d.pop("reason")

        block_decision = cls(
            approve=approve,
            reason=reason,
        )

        return block_decision
