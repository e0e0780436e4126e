from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.platform import Platform

T = TypeVar("T", bound="AccountSummary")


@_attrs_define
class AccountSummary:
    """
    Attributes:
        id (UUID):
        platform (Platform):
        handle (str):
        url (str):
        display_name (str):
        status (AccountStatus):
    """

    id: UUID
    platform: Platform
    handle: str
    url: str
    display_name: str
    status: AccountStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        platform = self.platform.value

        handle = self.handle

        url = self.url

        display_name = self.display_name

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "platform": platform,
                "handle": handle,
                "url": url,
                "display_name": display_name,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        platform = Platform(d.pop("platform"))

        handle = d.pop("handle")

        url = d.pop("url")

        display_name = d.pop("display_name")

        status = AccountStatus(d.pop("status"))

        account_summary = cls(
            id=id,
            platform=platform,
            handle=handle,
            url=url,
            display_name=display_name,
            status=status,
        )

        account_summary.additional_properties = d
        return account_summary

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
