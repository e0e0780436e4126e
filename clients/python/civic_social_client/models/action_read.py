from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_kind import ActionKind
from ..models.comment_status import CommentStatus

if TYPE_CHECKING:
    from ..models.enforced_clause import EnforcedClause


T = TypeVar("T", bound="ActionRead")


@_attrs_define
class ActionRead:
    """
    Attributes:
        id (UUID):
        comment_id (UUID):
        account_id (UUID):
        action (ActionKind):
        reason_code (str):
        clause (EnforcedClause): The clause a moderation decision enforces, as it read in the version in force.
        note (None | str):
        status_before (CommentStatus): Where the comment stands on the platform.
        status_after (CommentStatus): Where the comment stands on the platform.
        moderator_person_id (UUID):
        acted_by (str):
        acted_at (datetime.datetime):
    """

    id: UUID
    comment_id: UUID
    account_id: UUID
    action: ActionKind
    reason_code: str
    clause: EnforcedClause
    note: None | str
    status_before: CommentStatus
    status_after: CommentStatus
    moderator_person_id: UUID
    acted_by: str
    acted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        comment_id = str(self.comment_id)

        account_id = str(self.account_id)

        action = self.action.value

        reason_code = self.reason_code

        clause = self.clause.to_dict()

        note: None | str
        note = self.note

        status_before = self.status_before.value

        status_after = self.status_after.value

        moderator_person_id = str(self.moderator_person_id)

        acted_by = self.acted_by

        acted_at = self.acted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "comment_id": comment_id,
                "account_id": account_id,
                "action": action,
                "reason_code": reason_code,
                "clause": clause,
                "note": note,
                "status_before": status_before,
                "status_after": status_after,
                "moderator_person_id": moderator_person_id,
                "acted_by": acted_by,
                "acted_at": acted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enforced_clause import EnforcedClause  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        comment_id = UUID(d.pop("comment_id"))

        account_id = UUID(d.pop("account_id"))

        action = ActionKind(d.pop("action"))

        reason_code = d.pop("reason_code")

        clause = EnforcedClause.from_dict(d.pop("clause"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        status_before = CommentStatus(d.pop("status_before"))

        status_after = CommentStatus(d.pop("status_after"))

        moderator_person_id = UUID(d.pop("moderator_person_id"))

        acted_by = d.pop("acted_by")

        acted_at = datetime.datetime.fromisoformat(d.pop("acted_at"))

        action_read = cls(
            id=id,
            comment_id=comment_id,
            account_id=account_id,
            action=action,
            reason_code=reason_code,
            clause=clause,
            note=note,
            status_before=status_before,
            status_after=status_after,
            moderator_person_id=moderator_person_id,
            acted_by=acted_by,
            acted_at=acted_at,
        )

        action_read.additional_properties = d
        return action_read

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
