from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModuleRetire")


@_attrs_define
class ModuleRetire:
    """
    Attributes:
        reason (str):
        requires_retraining (bool | Unset): Completions of this version stop counting at once (otherwise they run to
            their expiry) Default: False.
    """

    reason: str
    requires_retraining: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        requires_retraining = self.requires_retraining

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if requires_retraining is not UNSET:
            field_dict["requires_retraining"] = requires_retraining

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        requires_retraining = d.pop("requires_retraining", UNSET)

        module_retire = cls(
            reason=reason,
            requires_retraining=requires_retraining,
        )

        return module_retire
