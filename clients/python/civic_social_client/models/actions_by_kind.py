from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.action import Action

T = TypeVar("T", bound="ActionsByKind")


@_attrs_define
class ActionsByKind:
    """
    Attributes:
        post (Action): What a rule asks for when its category is found. `remove` is `block` for a draft and
            `hide` for a comment; `note` reports the finding without changing the decision.
        reply (Action): What a rule asks for when its category is found. `remove` is `block` for a draft and
            `hide` for a comment; `note` reports the finding without changing the decision.
        comment (Action): What a rule asks for when its category is found. `remove` is `block` for a draft and
            `hide` for a comment; `note` reports the finding without changing the decision.
    """

    post: Action
    reply: Action
    comment: Action

    def to_dict(self) -> dict[str, Any]:
        post = self.post.value

        reply = self.reply.value

        comment = self.comment.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "post": post,
                "reply": reply,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        post = Action(d.pop("post"))

        reply = Action(d.pop("reply"))

        comment = Action(d.pop("comment"))

        actions_by_kind = cls(
            post=post,
            reply=reply,
            comment=comment,
        )

        return actions_by_kind
