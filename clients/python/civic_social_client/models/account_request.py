from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.official_account_kind import OfficialAccountKind
from ..models.platform import Platform
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountRequest")


@_attrs_define
class AccountRequest:
    """A department's request for a new official account, with what the policy asks of it.

    Attributes:
        platform (Platform):
        url (str):
        display_name (str):
        department_id (UUID):
        kind (OfficialAccountKind):
        purpose (str):
        audience (str):
        business_need (str):
        content_plan (str):
        moderation_plan (str):
        records_retention_acknowledged (bool): The department keeps the account's records as the law asks
        named_publisher_ids (list[UUID]):
        backup_publisher_id (UUID):
        handle (None | str | Unset): Taken from the URL when left out; must agree with it
    """

    platform: Platform
    url: str
    display_name: str
    department_id: UUID
    kind: OfficialAccountKind
    purpose: str
    audience: str
    business_need: str
    content_plan: str
    moderation_plan: str
    records_retention_acknowledged: bool
    named_publisher_ids: list[UUID]
    backup_publisher_id: UUID
    handle: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        url = self.url

        display_name = self.display_name

        department_id = str(self.department_id)

        kind = self.kind.value

        purpose = self.purpose

        audience = self.audience

        business_need = self.business_need

        content_plan = self.content_plan

        moderation_plan = self.moderation_plan

        records_retention_acknowledged = self.records_retention_acknowledged

        named_publisher_ids = []
        for named_publisher_ids_item_data in self.named_publisher_ids:
            named_publisher_ids_item = str(named_publisher_ids_item_data)
            named_publisher_ids.append(named_publisher_ids_item)

        backup_publisher_id = str(self.backup_publisher_id)

        handle: None | str | Unset
        if isinstance(self.handle, Unset):
            handle = UNSET
        else:
            handle = self.handle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "platform": platform,
                "url": url,
                "display_name": display_name,
                "department_id": department_id,
                "kind": kind,
                "purpose": purpose,
                "audience": audience,
                "business_need": business_need,
                "content_plan": content_plan,
                "moderation_plan": moderation_plan,
                "records_retention_acknowledged": records_retention_acknowledged,
                "named_publisher_ids": named_publisher_ids,
                "backup_publisher_id": backup_publisher_id,
            }
        )
        if handle is not UNSET:
            field_dict["handle"] = handle

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = Platform(d.pop("platform"))

        url = d.pop("url")

        display_name = d.pop("display_name")

        department_id = UUID(d.pop("department_id"))

        kind = OfficialAccountKind(d.pop("kind"))

        purpose = d.pop("purpose")

        audience = d.pop("audience")

        business_need = d.pop("business_need")

        content_plan = d.pop("content_plan")

        moderation_plan = d.pop("moderation_plan")

        records_retention_acknowledged = d.pop("records_retention_acknowledged")

        named_publisher_ids = []
        _named_publisher_ids = d.pop("named_publisher_ids")
        for named_publisher_ids_item_data in _named_publisher_ids:
            named_publisher_ids_item = UUID(named_publisher_ids_item_data)

            named_publisher_ids.append(named_publisher_ids_item)

        backup_publisher_id = UUID(d.pop("backup_publisher_id"))

        def _parse_handle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handle = _parse_handle(d.pop("handle", UNSET))

        account_request = cls(
            platform=platform,
            url=url,
            display_name=display_name,
            department_id=department_id,
            kind=kind,
            purpose=purpose,
            audience=audience,
            business_need=business_need,
            content_plan=content_plan,
            moderation_plan=moderation_plan,
            records_retention_acknowledged=records_retention_acknowledged,
            named_publisher_ids=named_publisher_ids,
            backup_publisher_id=backup_publisher_id,
            handle=handle,
        )

        return account_request
