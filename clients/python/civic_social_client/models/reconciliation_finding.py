from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReconciliationFinding")


@_attrs_define
class ReconciliationFinding:
    """
    Attributes:
        code (str):
        severity (str):
        message (str):
        action (str): offboard, end_grants_at_contract_end, or none
        email (None | str | Unset):
        person_id (None | Unset | UUID):
        grant_ids (list[UUID] | Unset):
        contract_ends_on (datetime.date | None | Unset):
        applied (bool | Unset):  Default: False.
    """

    code: str
    severity: str
    message: str
    action: str
    email: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    grant_ids: list[UUID] | Unset = UNSET
    contract_ends_on: datetime.date | None | Unset = UNSET
    applied: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        severity = self.severity

        message = self.message

        action = self.action

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        grant_ids: list[str] | Unset = UNSET
        if not isinstance(self.grant_ids, Unset):
            grant_ids = []
            for grant_ids_item_data in self.grant_ids:
                grant_ids_item = str(grant_ids_item_data)
                grant_ids.append(grant_ids_item)

        contract_ends_on: None | str | Unset
        if isinstance(self.contract_ends_on, Unset):
            contract_ends_on = UNSET
        elif isinstance(self.contract_ends_on, datetime.date):
            contract_ends_on = self.contract_ends_on.isoformat()
        else:
            contract_ends_on = self.contract_ends_on

        applied = self.applied

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "severity": severity,
                "message": message,
                "action": action,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if grant_ids is not UNSET:
            field_dict["grant_ids"] = grant_ids
        if contract_ends_on is not UNSET:
            field_dict["contract_ends_on"] = contract_ends_on
        if applied is not UNSET:
            field_dict["applied"] = applied

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        severity = d.pop("severity")

        message = d.pop("message")

        action = d.pop("action")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        _grant_ids = d.pop("grant_ids", UNSET)
        grant_ids: list[UUID] | Unset = UNSET
        if _grant_ids is not UNSET:
            grant_ids = []
            for grant_ids_item_data in _grant_ids:
                grant_ids_item = UUID(grant_ids_item_data)

                grant_ids.append(grant_ids_item)

        def _parse_contract_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_ends_on_type_0 = datetime.date.fromisoformat(data)

                return contract_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        contract_ends_on = _parse_contract_ends_on(d.pop("contract_ends_on", UNSET))

        applied = d.pop("applied", UNSET)

        reconciliation_finding = cls(
            code=code,
            severity=severity,
            message=message,
            action=action,
            email=email,
            person_id=person_id,
            grant_ids=grant_ids,
            contract_ends_on=contract_ends_on,
            applied=applied,
        )

        reconciliation_finding.additional_properties = d
        return reconciliation_finding

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
