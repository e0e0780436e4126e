from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_role import GrantRole
from ..models.grant_status import GrantStatus
from ..models.revocation_cause import RevocationCause

T = TypeVar("T", bound="GrantRead")


@_attrs_define
class GrantRead:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        person_id (UUID):
        role (GrantRole): What a named person may do on an official account.
        status (GrantStatus): A grant's effective status, worked out when read: nothing has to run for a grant to
            expire, a grant whose holder has left is never active, whichever route recorded the
            departure, and an owner, publisher or moderator grant is suspended for as long as its
            holder's training or policy acknowledgement has lapsed.
        starts_at (datetime.datetime):
        expires_at (datetime.datetime | None):
        granted_by (str):
        granted_by_person_id (None | UUID):
        reason (None | str):
        revoked_at (datetime.datetime | None):
        revoked_by (None | str):
        revocation_cause (None | RevocationCause):
        revocation_reason (None | str):
        suspended_at (datetime.datetime | None): When the sweep recorded a suspension
        suspension_reason (None | str):
        created_at (datetime.datetime):
        version (int):
    """

    id: UUID
    account_id: UUID
    person_id: UUID
    role: GrantRole
    status: GrantStatus
    starts_at: datetime.datetime
    expires_at: datetime.datetime | None
    granted_by: str
    granted_by_person_id: None | UUID
    reason: None | str
    revoked_at: datetime.datetime | None
    revoked_by: None | str
    revocation_cause: None | RevocationCause
    revocation_reason: None | str
    suspended_at: datetime.datetime | None
    suspension_reason: None | str
    created_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        person_id = str(self.person_id)

        role = self.role.value

        status = self.status.value

        starts_at = self.starts_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        granted_by = self.granted_by

        granted_by_person_id: None | str
        if isinstance(self.granted_by_person_id, UUID):
            granted_by_person_id = str(self.granted_by_person_id)
        else:
            granted_by_person_id = self.granted_by_person_id

        reason: None | str
        reason = self.reason

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        revoked_by: None | str
        revoked_by = self.revoked_by

        revocation_cause: None | str
        if isinstance(self.revocation_cause, RevocationCause):
            revocation_cause = self.revocation_cause.value
        else:
            revocation_cause = self.revocation_cause

        revocation_reason: None | str
        revocation_reason = self.revocation_reason

        suspended_at: None | str
        if isinstance(self.suspended_at, datetime.datetime):
            suspended_at = self.suspended_at.isoformat()
        else:
            suspended_at = self.suspended_at

        suspension_reason: None | str
        suspension_reason = self.suspension_reason

        created_at = self.created_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "person_id": person_id,
                "role": role,
                "status": status,
                "starts_at": starts_at,
                "expires_at": expires_at,
                "granted_by": granted_by,
                "granted_by_person_id": granted_by_person_id,
                "reason": reason,
                "revoked_at": revoked_at,
                "revoked_by": revoked_by,
                "revocation_cause": revocation_cause,
                "revocation_reason": revocation_reason,
                "suspended_at": suspended_at,
                "suspension_reason": suspension_reason,
                "created_at": created_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        person_id = UUID(d.pop("person_id"))

        role = GrantRole(d.pop("role"))

        status = GrantStatus(d.pop("status"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        granted_by = d.pop("granted_by")

        def _parse_granted_by_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                granted_by_person_id_type_0 = UUID(data)

                return granted_by_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        granted_by_person_id = _parse_granted_by_person_id(d.pop("granted_by_person_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        def _parse_revoked_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_by = _parse_revoked_by(d.pop("revoked_by"))

        def _parse_revocation_cause(data: object) -> None | RevocationCause:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revocation_cause_type_0 = RevocationCause(data)

                return revocation_cause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevocationCause, data)

        revocation_cause = _parse_revocation_cause(d.pop("revocation_cause"))

        def _parse_revocation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revocation_reason = _parse_revocation_reason(d.pop("revocation_reason"))

        def _parse_suspended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_at_type_0 = datetime.datetime.fromisoformat(data)

                return suspended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        suspended_at = _parse_suspended_at(d.pop("suspended_at"))

        def _parse_suspension_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suspension_reason = _parse_suspension_reason(d.pop("suspension_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        version = d.pop("version")

        grant_read = cls(
            id=id,
            account_id=account_id,
            person_id=person_id,
            role=role,
            status=status,
            starts_at=starts_at,
            expires_at=expires_at,
            granted_by=granted_by,
            granted_by_person_id=granted_by_person_id,
            reason=reason,
            revoked_at=revoked_at,
            revoked_by=revoked_by,
            revocation_cause=revocation_cause,
            revocation_reason=revocation_reason,
            suspended_at=suspended_at,
            suspension_reason=suspension_reason,
            created_at=created_at,
            version=version,
        )

        grant_read.additional_properties = d
        return grant_read

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
