from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appeal_decision_outcome import AppealDecisionOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppealDecision")


@_attrs_define
class AppealDecision:
    """
    Attributes:
        outcome (AppealDecisionOutcome): upheld: the commenter is right and the removal is undone
        reason (str):
        reason_code (None | str | Unset): When upheld and the removal is still in effect: the reason code of the restore
            or unblock that undoes it
    """

    outcome: AppealDecisionOutcome
    reason: str
    reason_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        reason = self.reason

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "reason": reason,
            }
        )
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = AppealDecisionOutcome(d.pop("outcome"))

        reason = d.pop("reason")

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        appeal_decision = cls(
            outcome=outcome,
            reason=reason,
            reason_code=reason_code,
        )

        return appeal_decision
