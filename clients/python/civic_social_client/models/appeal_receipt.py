from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_kind import ActionKind
from ..models.appeal_status import AppealStatus

if TYPE_CHECKING:
    from ..models.enforced_clause import EnforcedClause


T = TypeVar("T", bound="AppealReceipt")


@_attrs_define
class AppealReceipt:
    """What a commenter learns about their appeal: nothing about the town's staff.

    Attributes:
        id (UUID):
        status (AppealStatus):
        submitted_at (datetime.datetime):
        action (ActionKind):
        clause (EnforcedClause): The clause a moderation decision enforces, as it read in the version in force.
    """

    id: UUID
    status: AppealStatus
    submitted_at: datetime.datetime
    action: ActionKind
    clause: EnforcedClause
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        submitted_at = self.submitted_at.isoformat()

        action = self.action.value

        clause = self.clause.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "submitted_at": submitted_at,
                "action": action,
                "clause": clause,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enforced_clause import EnforcedClause  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = AppealStatus(d.pop("status"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        action = ActionKind(d.pop("action"))

        clause = EnforcedClause.from_dict(d.pop("clause"))

        appeal_receipt = cls(
            id=id,
            status=status,
            submitted_at=submitted_at,
            action=action,
            clause=clause,
        )

        appeal_receipt.additional_properties = d
        return appeal_receipt

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
