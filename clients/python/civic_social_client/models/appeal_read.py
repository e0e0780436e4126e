from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.appeal_status import AppealStatus

T = TypeVar("T", bound="AppealRead")


@_attrs_define
class AppealRead:
    """
    Attributes:
        id (UUID):
        action_id (UUID):
        comment_id (UUID):
        account_id (UUID):
        statement (str):
        contact (None | str):
        submitted_at (datetime.datetime):
        status (AppealStatus):
        decided_by (None | str):
        decided_by_person_id (None | UUID):
        decided_at (datetime.datetime | None):
        decision_reason (None | str):
        remedy_action_id (None | UUID):
        version (int):
    """

    id: UUID
    action_id: UUID
    comment_id: UUID
    account_id: UUID
    statement: str
    contact: None | str
    submitted_at: datetime.datetime
    status: AppealStatus
    decided_by: None | str
    decided_by_person_id: None | UUID
    decided_at: datetime.datetime | None
    decision_reason: None | str
    remedy_action_id: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        action_id = str(self.action_id)

        comment_id = str(self.comment_id)

        account_id = str(self.account_id)

        statement = self.statement

        contact: None | str
        contact = self.contact

        submitted_at = self.submitted_at.isoformat()

        status = self.status.value

        decided_by: None | str
        decided_by = self.decided_by

        decided_by_person_id: None | str
        if isinstance(self.decided_by_person_id, UUID):
            decided_by_person_id = str(self.decided_by_person_id)
        else:
            decided_by_person_id = self.decided_by_person_id

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason: None | str
        decision_reason = self.decision_reason

        remedy_action_id: None | str
        if isinstance(self.remedy_action_id, UUID):
            remedy_action_id = str(self.remedy_action_id)
        else:
            remedy_action_id = self.remedy_action_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action_id": action_id,
                "comment_id": comment_id,
                "account_id": account_id,
                "statement": statement,
                "contact": contact,
                "submitted_at": submitted_at,
                "status": status,
                "decided_by": decided_by,
                "decided_by_person_id": decided_by_person_id,
                "decided_at": decided_at,
                "decision_reason": decision_reason,
                "remedy_action_id": remedy_action_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        action_id = UUID(d.pop("action_id"))

        comment_id = UUID(d.pop("comment_id"))

        account_id = UUID(d.pop("account_id"))

        statement = d.pop("statement")

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        status = AppealStatus(d.pop("status"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_by_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_person_id_type_0 = UUID(data)

                return decided_by_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by_person_id = _parse_decided_by_person_id(d.pop("decided_by_person_id"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))

        def _parse_remedy_action_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remedy_action_id_type_0 = UUID(data)

                return remedy_action_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        remedy_action_id = _parse_remedy_action_id(d.pop("remedy_action_id"))

        version = d.pop("version")

        appeal_read = cls(
            id=id,
            action_id=action_id,
            comment_id=comment_id,
            account_id=account_id,
            statement=statement,
            contact=contact,
            submitted_at=submitted_at,
            status=status,
            decided_by=decided_by,
            decided_by_person_id=decided_by_person_id,
            decided_at=decided_at,
            decision_reason=decision_reason,
            remedy_action_id=remedy_action_id,
            version=version,
        )

        appeal_read.additional_properties = d
        return appeal_read

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
