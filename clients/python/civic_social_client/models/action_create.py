from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.action_kind import ActionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        action (ActionKind):
        reason_code (str): From the published list (GET /api/v1/moderation/reason-codes)
        note (None | str | Unset): Why, for the record (kept with the action; not sent to the commenter)
    """

    action: ActionKind
    reason_code: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason_code = self.reason_code

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "reason_code": reason_code,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = ActionKind(d.pop("action"))

        reason_code = d.pop("reason_code")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        action_create = cls(
            action=action,
            reason_code=reason_code,
            note=note,
        )

        return action_create
