from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CommentCreate")


@_attrs_define
class CommentCreate:
    """A public comment as read from the platform by a city system.

    Attributes:
        account_id (UUID): The official account it was posted on
        external_id (str): The platform's id of the comment
        author_handle (str):
        text (str): The text to screen, exactly as it will be published (offsets in findings refer to it). At most
            10,000 characters unless the service is configured otherwise.
        posted_at (datetime.datetime):
    """

    account_id: UUID
    external_id: str
    author_handle: str
    text: str
    posted_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        external_id = self.external_id

        author_handle = self.author_handle

        text = self.text

        posted_at = self.posted_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "external_id": external_id,
                "author_handle": author_handle,
                "text": text,
                "posted_at": posted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        external_id = d.pop("external_id")

        author_handle = d.pop("author_handle")

        text = d.pop("text")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        comment_create = cls(
            account_id=account_id,
            external_id=external_id,
            author_handle=author_handle,
            text=text,
            posted_at=posted_at,
        )

        return comment_create
