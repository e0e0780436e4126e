from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.comment_status import CommentStatus
from ..models.retention_class import RetentionClass

if TYPE_CHECKING:
    from ..models.action_read import ActionRead
    from ..models.appeal_read import AppealRead
    from ..models.block_read import BlockRead
    from ..models.screening_read import ScreeningRead


T = TypeVar("T", bound="CommentDetail")


@_attrs_define
class CommentDetail:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        external_id (str):
        author_handle (str):
        text (str): The comment as posted: it is kept as a town record
        posted_at (datetime.datetime):
        received_at (datetime.datetime):
        status (CommentStatus): Where the comment stands on the platform.
        needs_review (bool): Screening flagged it and no moderator has acted on it yet
        screening_id (None | UUID):
        screening_decision (str): What screening advised: allow, review or hide. Advice only: nothing is hidden without
            a moderator
        screening_categories (list[str]):
        last_action_at (datetime.datetime | None):
        retention_class (RetentionClass):
        retain_until (datetime.date): The first day the purge may remove it
        version (int):
        screening (None | ScreeningRead): The screening of the comment, with its findings and the clauses cited
        actions (list[ActionRead]): Every action on it, oldest first
        appeals (list[AppealRead]):
        block (BlockRead | None): A block of its author on this account, pending or in effect
    """

    id: UUID
    account_id: UUID
    external_id: str
    author_handle: str
    text: str
    posted_at: datetime.datetime
    received_at: datetime.datetime
    status: CommentStatus
    needs_review: bool
    screening_id: None | UUID
    screening_decision: str
    screening_categories: list[str]
    last_action_at: datetime.datetime | None
    retention_class: RetentionClass
    retain_until: datetime.date
    version: int
    screening: None | ScreeningRead
    actions: list[ActionRead]
    appeals: list[AppealRead]
    block: BlockRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.block_read import BlockRead  # noqa: PLC0415
        from ..models.screening_read import ScreeningRead  # noqa: PLC0415

        id = str(self.id)

        account_id = str(self.account_id)

        external_id = self.external_id

        author_handle = self.author_handle

        text = self.text

        posted_at = self.posted_at.isoformat()

        received_at = self.received_at.isoformat()

        status = self.status.value

        needs_review = self.needs_review

        screening_id: None | str
        if isinstance(self.screening_id, UUID):
            screening_id = str(self.screening_id)
        else:
            screening_id = self.screening_id

        screening_decision = self.screening_decision

        screening_categories = self.screening_categories

        last_action_at: None | str
        if isinstance(self.last_action_at, datetime.datetime):
            last_action_at = self.last_action_at.isoformat()
        else:
            last_action_at = self.last_action_at

        retention_class = self.retention_class.value

        retain_until = self.retain_until.isoformat()

        version = self.version

        screening: dict[str, Any] | None
        if isinstance(self.screening, ScreeningRead):
            screening = self.screening.to_dict()
        else:
            screening = self.screening

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        appeals = []
        for appeals_item_data in self.appeals:
            appeals_item = appeals_item_data.to_dict()
            appeals.append(appeals_item)

        block: dict[str, Any] | None
        if isinstance(self.block, BlockRead):
            block = self.block.to_dict()
        else:
            block = self.block

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "external_id": external_id,
                "author_handle": author_handle,
                "text": text,
                "posted_at": posted_at,
                "received_at": received_at,
                "status": status,
                "needs_review": needs_review,
                "screening_id": screening_id,
                "screening_decision": screening_decision,
                "screening_categories": screening_categories,
                "last_action_at": last_action_at,
                "retention_class": retention_class,
                "retain_until": retain_until,
                "version": version,
                "screening": screening,
                "actions": actions,
                "appeals": appeals,
                "block": block,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead  # noqa: PLC0415
        from ..models.appeal_read import AppealRead  # noqa: PLC0415
        from ..models.block_read import BlockRead  # noqa: PLC0415
        from ..models.screening_read import ScreeningRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        external_id = d.pop("external_id")

        author_handle = d.pop("author_handle")

        text = d.pop("text")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        status = CommentStatus(d.pop("status"))

        needs_review = d.pop("needs_review")

        def _parse_screening_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                screening_id_type_0 = UUID(data)

                return screening_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))

        screening_decision = d.pop("screening_decision")

        screening_categories = cast(list[str], d.pop("screening_categories"))

        def _parse_last_action_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_action_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_action_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_action_at = _parse_last_action_at(d.pop("last_action_at"))

        retention_class = RetentionClass(d.pop("retention_class"))

        retain_until = datetime.date.fromisoformat(d.pop("retain_until"))

        version = d.pop("version")

        def _parse_screening(data: object) -> None | ScreeningRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                screening_type_0 = ScreeningRead.from_dict(data)

                return screening_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScreeningRead, data)

        screening = _parse_screening(d.pop("screening"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        appeals = []
        _appeals = d.pop("appeals")
        for appeals_item_data in _appeals:
            appeals_item = AppealRead.from_dict(appeals_item_data)

            appeals.append(appeals_item)

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

        comment_detail = cls(
            id=id,
            account_id=account_id,
            external_id=external_id,
            author_handle=author_handle,
            text=text,
            posted_at=posted_at,
            received_at=received_at,
            status=status,
            needs_review=needs_review,
            screening_id=screening_id,
            screening_decision=screening_decision,
            screening_categories=screening_categories,
            last_action_at=last_action_at,
            retention_class=retention_class,
            retain_until=retain_until,
            version=version,
            screening=screening,
            actions=actions,
            appeals=appeals,
            block=block,
        )

        comment_detail.additional_properties = d
        return comment_detail

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
