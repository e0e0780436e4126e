from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommenterCount")


@_attrs_define
class CommenterCount:
    """
    Attributes:
        author_handle (str):
        account_id (UUID):
        removals (int):
        moderators (int): How many different people acted against them
        outlier (bool):
    """

    author_handle: str
    account_id: UUID
    removals: int
    moderators: int
    outlier: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_handle = self.author_handle

        account_id = str(self.account_id)

        removals = self.removals

        moderators = self.moderators

        outlier = self.outlier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_handle": author_handle,
                "account_id": account_id,
                "removals": removals,
                "moderators": moderators,
                "outlier": outlier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_handle = d.pop("author_handle")

        account_id = UUID(d.pop("account_id"))

        removals = d.pop("removals")

        moderators = d.pop("moderators")

        outlier = d.pop("outlier")

        commenter_count = cls(
            author_handle=author_handle,
            account_id=account_id,
            removals=removals,
            moderators=moderators,
            outlier=outlier,
        )

        commenter_count.additional_properties = d
        return commenter_count

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
