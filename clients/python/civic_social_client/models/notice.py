from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_kind import ActionKind

if TYPE_CHECKING:
    from ..models.enforced_clause import EnforcedClause


T = TypeVar("T", bound="Notice")


@_attrs_define
class Notice:
    """What to send the commenter: the rule applied and how to ask for reconsideration.

    Attributes:
        action_id (UUID):
        comment_id (UUID):
        author_handle (str):
        action (ActionKind):
        clause (EnforcedClause): The clause a moderation decision enforces, as it read in the version in force.
        text (str):
        appeal_token (str): Proves the commenter received this notice; used once to appeal
        appeal_deadline (datetime.datetime):
        appeal_url (str):
    """

    action_id: UUID
    comment_id: UUID
    author_handle: str
    action: ActionKind
    clause: EnforcedClause
    text: str
    appeal_token: str
    appeal_deadline: datetime.datetime
    appeal_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = str(self.action_id)

        comment_id = str(self.comment_id)

        author_handle = self.author_handle

        action = self.action.value

        clause = self.clause.to_dict()

        text = self.text

        appeal_token = self.appeal_token

        appeal_deadline = self.appeal_deadline.isoformat()

        appeal_url = self.appeal_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "comment_id": comment_id,
                "author_handle": author_handle,
                "action": action,
                "clause": clause,
                "text": text,
                "appeal_token": appeal_token,
                "appeal_deadline": appeal_deadline,
                "appeal_url": appeal_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enforced_clause import EnforcedClause  # noqa: PLC0415

        d = dict(src_dict)
        action_id = UUID(d.pop("action_id"))

        comment_id = UUID(d.pop("comment_id"))

        author_handle = d.pop("author_handle")

        action = ActionKind(d.pop("action"))

        clause = EnforcedClause.from_dict(d.pop("clause"))

        text = d.pop("text")

        appeal_token = d.pop("appeal_token")

        appeal_deadline = datetime.datetime.fromisoformat(d.pop("appeal_deadline"))

        appeal_url = d.pop("appeal_url")

        notice = cls(
            action_id=action_id,
            comment_id=comment_id,
            author_handle=author_handle,
            action=action,
            clause=clause,
            text=text,
            appeal_token=appeal_token,
            appeal_deadline=appeal_deadline,
            appeal_url=appeal_url,
        )

        notice.additional_properties = d
        return notice

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
