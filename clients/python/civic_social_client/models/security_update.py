from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recovery_contact import RecoveryContact
from ..types import UNSET, Unset

T = TypeVar("T", bound="SecurityUpdate")


@_attrs_define
class SecurityUpdate:
    """The account's security posture as the department describes it. Never the secrets.

    Attributes:
        mfa_enabled (bool | None | Unset):
        recovery_contact (None | RecoveryContact | Unset):
        vault_reference (None | str | Unset): Where the credentials live in the city's vault
        shared_login (bool | None | Unset):
        last_rotated_at (datetime.datetime | None | Unset): When the credentials were last changed
    """

    mfa_enabled: bool | None | Unset = UNSET
    recovery_contact: None | RecoveryContact | Unset = UNSET
    vault_reference: None | str | Unset = UNSET
    shared_login: bool | None | Unset = UNSET
    last_rotated_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mfa_enabled: bool | None | Unset
        if isinstance(self.mfa_enabled, Unset):
            mfa_enabled = UNSET
        else:
            mfa_enabled = self.mfa_enabled

        recovery_contact: None | str | Unset
        if isinstance(self.recovery_contact, Unset):
            recovery_contact = UNSET
        elif isinstance(self.recovery_contact, RecoveryContact):
            recovery_contact = self.recovery_contact.value
        else:
            recovery_contact = self.recovery_contact

        vault_reference: None | str | Unset
        if isinstance(self.vault_reference, Unset):
            vault_reference = UNSET
        else:
            vault_reference = self.vault_reference

        shared_login: bool | None | Unset
        if isinstance(self.shared_login, Unset):
            shared_login = UNSET
        else:
            shared_login = self.shared_login

        last_rotated_at: None | str | Unset
        if isinstance(self.last_rotated_at, Unset):
            last_rotated_at = UNSET
        elif isinstance(self.last_rotated_at, datetime.datetime):
            last_rotated_at = self.last_rotated_at.isoformat()
        else:
            last_rotated_at = self.last_rotated_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mfa_enabled is not UNSET:
            field_dict["mfa_enabled"] = mfa_enabled
        if recovery_contact is not UNSET:
            field_dict["recovery_contact"] = recovery_contact
        if vault_reference is not UNSET:
            field_dict["vault_reference"] = vault_reference
        if shared_login is not UNSET:
            field_dict["shared_login"] = shared_login
        if last_rotated_at is not UNSET:
            field_dict["last_rotated_at"] = last_rotated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mfa_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        mfa_enabled = _parse_mfa_enabled(d.pop("mfa_enabled", UNSET))

        def _parse_recovery_contact(data: object) -> None | RecoveryContact | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recovery_contact_type_0 = RecoveryContact(data)

                return recovery_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecoveryContact | Unset, data)

        recovery_contact = _parse_recovery_contact(d.pop("recovery_contact", UNSET))

        def _parse_vault_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vault_reference = _parse_vault_reference(d.pop("vault_reference", UNSET))

        def _parse_shared_login(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shared_login = _parse_shared_login(d.pop("shared_login", UNSET))

        def _parse_last_rotated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_rotated_at = _parse_last_rotated_at(d.pop("last_rotated_at", UNSET))

        security_update = cls(
            mfa_enabled=mfa_enabled,
            recovery_contact=recovery_contact,
            vault_reference=vault_reference,
            shared_login=shared_login,
            last_rotated_at=last_rotated_at,
        )

        return security_update
