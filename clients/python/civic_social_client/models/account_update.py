from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.official_account_kind import OfficialAccountKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountUpdate")


@_attrs_define
class AccountUpdate:
    """
    Attributes:
        url (str | Unset):
        display_name (str | Unset):
        department_id (UUID | Unset):
        kind (OfficialAccountKind | Unset):
        purpose (str | Unset):
        audience (str | Unset):
        approved_emergency_channel (bool | Unset): Approvers and administrators only
    """

    url: str | Unset = UNSET
    display_name: str | Unset = UNSET
    department_id: UUID | Unset = UNSET
    kind: OfficialAccountKind | Unset = UNSET
    purpose: str | Unset = UNSET
    audience: str | Unset = UNSET
    approved_emergency_channel: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        display_name = self.display_name

        department_id: str | Unset = UNSET
        if not isinstance(self.department_id, Unset):
            department_id = str(self.department_id)

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        purpose = self.purpose

        audience = self.audience

        approved_emergency_channel = self.approved_emergency_channel

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if audience is not UNSET:
            field_dict["audience"] = audience
        if approved_emergency_channel is not UNSET:
            field_dict["approved_emergency_channel"] = approved_emergency_channel

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        display_name = d.pop("display_name", UNSET)

        _department_id = d.pop("department_id", UNSET)
        department_id: UUID | Unset
        if isinstance(_department_id, Unset):
            department_id = UNSET
        else:
            department_id = UUID(_department_id)

        _kind = d.pop("kind", UNSET)
        kind: OfficialAccountKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = OfficialAccountKind(_kind)

        purpose = d.pop("purpose", UNSET)

        audience = d.pop("audience", UNSET)

        approved_emergency_channel = d.pop("approved_emergency_channel", UNSET)

        account_update = cls(
            url=url,
            display_name=display_name,
            department_id=department_id,
            kind=kind,
            purpose=purpose,
            audience=audience,
            approved_emergency_channel=approved_emergency_channel,
        )

        return account_update
