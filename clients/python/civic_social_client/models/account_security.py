from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recovery_contact import RecoveryContact

T = TypeVar("T", bound="AccountSecurity")


@_attrs_define
class AccountSecurity:
    """
    Attributes:
        mfa_enabled (bool | None):
        recovery_contact (None | RecoveryContact):
        vault_reference (None | str):
        shared_login (bool | None):
        last_rotated_at (datetime.datetime | None):
    """

    mfa_enabled: bool | None
    recovery_contact: None | RecoveryContact
    vault_reference: None | str
    shared_login: bool | None
    last_rotated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mfa_enabled: bool | None
        mfa_enabled = self.mfa_enabled

        recovery_contact: None | str
        if isinstance(self.recovery_contact, RecoveryContact):
            recovery_contact = self.recovery_contact.value
        else:
            recovery_contact = self.recovery_contact

        vault_reference: None | str
        vault_reference = self.vault_reference

        shared_login: bool | None
        shared_login = self.shared_login

        last_rotated_at: None | str
        if isinstance(self.last_rotated_at, datetime.datetime):
            last_rotated_at = self.last_rotated_at.isoformat()
        else:
            last_rotated_at = self.last_rotated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mfa_enabled": mfa_enabled,
                "recovery_contact": recovery_contact,
                "vault_reference": vault_reference,
                "shared_login": shared_login,
                "last_rotated_at": last_rotated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mfa_enabled(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        mfa_enabled = _parse_mfa_enabled(d.pop("mfa_enabled"))

        def _parse_recovery_contact(data: object) -> None | RecoveryContact:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recovery_contact_type_0 = RecoveryContact(data)

                return recovery_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecoveryContact, data)

        recovery_contact = _parse_recovery_contact(d.pop("recovery_contact"))

        def _parse_vault_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vault_reference = _parse_vault_reference(d.pop("vault_reference"))

        def _parse_shared_login(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        shared_login = _parse_shared_login(d.pop("shared_login"))

        def _parse_last_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_rotated_at = _parse_last_rotated_at(d.pop("last_rotated_at"))

        account_security = cls(
            mfa_enabled=mfa_enabled,
            recovery_contact=recovery_contact,
            vault_reference=vault_reference,
            shared_login=shared_login,
            last_rotated_at=last_rotated_at,
        )

        account_security.additional_properties = d
        return account_security

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
