from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AcknowledgementRead")


@_attrs_define
class AcknowledgementRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        policy_version_id (UUID):
        acknowledged_at (datetime.datetime):
        recorded_by (str):
    """

    id: UUID
    person_id: UUID
    policy_version_id: UUID
    acknowledged_at: datetime.datetime
    recorded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        policy_version_id = str(self.policy_version_id)

        acknowledged_at = self.acknowledged_at.isoformat()

        recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "policy_version_id": policy_version_id,
                "acknowledged_at": acknowledged_at,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        policy_version_id = UUID(d.pop("policy_version_id"))

        acknowledged_at = datetime.datetime.fromisoformat(d.pop("acknowledged_at"))

        recorded_by = d.pop("recorded_by")

        acknowledgement_read = cls(
            id=id,
            person_id=person_id,
            policy_version_id=policy_version_id,
            acknowledged_at=acknowledged_at,
            recorded_by=recorded_by,
        )

        acknowledgement_read.additional_properties = d
        return acknowledgement_read

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
