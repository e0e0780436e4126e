from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.comment_status import CommentStatus
from ..models.retention_class import RetentionClass

T = TypeVar("T", bound="CommentRead")


@_attrs_define
class CommentRead:
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        comment_read = cls(
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
        )

        comment_read.additional_properties = d
        return comment_read

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
