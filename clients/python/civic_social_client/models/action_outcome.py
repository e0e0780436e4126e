from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_read import ActionRead
    from ..models.block_read import BlockRead
    from ..models.comment_read import CommentRead
    from ..models.notice import Notice


T = TypeVar("T", bound="ActionOutcome")


@_attrs_define
class ActionOutcome:
    """
    Attributes:
        action (ActionRead):
        comment (CommentRead):
        block (BlockRead | None): For block and unblock: the block, pending a second person's approval after a block
        notice (None | Notice): For a hide or delete: the notice to send the commenter (a block's notice is ready once
            the block is approved)
    """

    action: ActionRead
    comment: CommentRead
    block: BlockRead | None
    notice: None | Notice
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.block_read import BlockRead  # noqa: PLC0415
        from ..models.notice import Notice  # noqa: PLC0415

        action = self.action.to_dict()

        comment = self.comment.to_dict()

        block: dict[str, Any] | None
        if isinstance(self.block, BlockRead):
            block = self.block.to_dict()
        else:
            block = self.block

        notice: dict[str, Any] | None
        if isinstance(self.notice, Notice):
            notice = self.notice.to_dict()
        else:
            notice = self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "comment": comment,
                "block": block,
                "notice": notice,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead  # noqa: PLC0415
        from ..models.block_read import BlockRead  # noqa: PLC0415
        from ..models.comment_read import CommentRead  # noqa: PLC0415
        from ..models.notice import Notice  # noqa: PLC0415

        d = dict(src_dict)
        action = ActionRead.from_dict(d.pop("action"))

        comment = CommentRead.from_dict(d.pop("comment"))

        def _parse_block(data: object) -> BlockRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                block_type_0 = BlockRead.from_dict(data)

                return block_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BlockRead | None, data)

        block = _parse_block(d.pop("block"))

        def _parse_notice(data: object) -> None | Notice:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_type_0 = Notice.from_dict(data)

                return notice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Notice, data)

        notice = _parse_notice(d.pop("notice"))

        action_outcome = cls(
            action=action,
            comment=comment,
            block=block,
            notice=notice,
        )

        action_outcome.additional_properties = d
        return action_outcome

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
