from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.block_status import BlockStatus

T = TypeVar("T", bound="BlockRead")


@_attrs_define
class BlockRead:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        author_handle (str):
        status (BlockStatus):
        requested_action_id (UUID):
        requested_by_person_id (UUID):
        requested_at (datetime.datetime):
        decided_by (None | str):
        decided_by_person_id (None | UUID):
        decided_at (datetime.datetime | None):
        decision_reason (None | str):
        lifted_action_id (None | UUID):
        lifted_at (datetime.datetime | None):
        version (int):
    """

    id: UUID
    account_id: UUID
    author_handle: str
    status: BlockStatus
    requested_action_id: UUID
    requested_by_person_id: UUID
    requested_at: datetime.datetime
    decided_by: None | str
    decided_by_person_id: None | UUID
    decided_at: datetime.datetime | None
    decision_reason: None | str
    lifted_action_id: None | UUID
    lifted_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        author_handle = self.author_handle

        status = self.status.value

        requested_action_id = str(self.requested_action_id)

        requested_by_person_id = str(self.requested_by_person_id)

        requested_at = self.requested_at.isoformat()

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

        lifted_action_id: None | str
        if isinstance(self.lifted_action_id, UUID):
            lifted_action_id = str(self.lifted_action_id)
        else:
            lifted_action_id = self.lifted_action_id

        lifted_at: None | str
        if isinstance(self.lifted_at, datetime.datetime):
            lifted_at = self.lifted_at.isoformat()
        else:
            lifted_at = self.lifted_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "author_handle": author_handle,
                "status": status,
                "requested_action_id": requested_action_id,
                "requested_by_person_id": requested_by_person_id,
                "requested_at": requested_at,
                "decided_by": decided_by,
                "decided_by_person_id": decided_by_person_id,
                "decided_at": decided_at,
                "decision_reason": decision_reason,
                "lifted_action_id": lifted_action_id,
                "lifted_at": lifted_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        author_handle = d.pop("author_handle")

        status = BlockStatus(d.pop("status"))

        requested_action_id = UUID(d.pop("requested_action_id"))

        requested_by_person_id = UUID(d.pop("requested_by_person_id"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

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

        def _parse_lifted_action_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lifted_action_id_type_0 = UUID(data)

                return lifted_action_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        lifted_action_id = _parse_lifted_action_id(d.pop("lifted_action_id"))

        def _parse_lifted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lifted_at_type_0 = datetime.datetime.fromisoformat(data)

                return lifted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        lifted_at = _parse_lifted_at(d.pop("lifted_at"))

        version = d.pop("version")

        block_read = cls(
            id=id,
            account_id=account_id,
            author_handle=author_handle,
            status=status,
            requested_action_id=requested_action_id,
            requested_by_person_id=requested_by_person_id,
            requested_at=requested_at,
            decided_by=decided_by,
            decided_by_person_id=decided_by_person_id,
            decided_at=decided_at,
            decision_reason=decision_reason,
            lifted_action_id=lifted_action_id,
            lifted_at=lifted_at,
            version=version,
        )

        block_read.additional_properties = d
        return block_read

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
