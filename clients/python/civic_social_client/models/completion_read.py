from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompletionRead")


@_attrs_define
class CompletionRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        module_id (UUID):
        completed_on (datetime.date):
        score (float):
        pass_mark (float):
        passed (bool):
        expires_on (datetime.date): The last town date on which it counts
        evidence_reference (None | str):
        external_id (None | str):
        recorded_by (str):
        recorded_at (datetime.datetime):
    """

    id: UUID
    person_id: UUID
    module_id: UUID
    completed_on: datetime.date
    score: float
    pass_mark: float
    passed: bool
    expires_on: datetime.date
    evidence_reference: None | str
    external_id: None | str
    recorded_by: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        module_id = str(self.module_id)

        completed_on = self.completed_on.isoformat()

        score = self.score

        pass_mark = self.pass_mark

        passed = self.passed

        expires_on = self.expires_on.isoformat()

        evidence_reference: None | str
        evidence_reference = self.evidence_reference

        external_id: None | str
        external_id = self.external_id

        recorded_by = self.recorded_by

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "module_id": module_id,
                "completed_on": completed_on,
                "score": score,
                "pass_mark": pass_mark,
                "passed": passed,
                "expires_on": expires_on,
                "evidence_reference": evidence_reference,
                "external_id": external_id,
                "recorded_by": recorded_by,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        module_id = UUID(d.pop("module_id"))

        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        score = d.pop("score")

        pass_mark = d.pop("pass_mark")

        passed = d.pop("passed")

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        def _parse_evidence_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_reference = _parse_evidence_reference(d.pop("evidence_reference"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        recorded_by = d.pop("recorded_by")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        completion_read = cls(
            id=id,
            person_id=person_id,
            module_id=module_id,
            completed_on=completed_on,
            score=score,
            pass_mark=pass_mark,
            passed=passed,
            expires_on=expires_on,
            evidence_reference=evidence_reference,
            external_id=external_id,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )

        completion_read.additional_properties = d
        return completion_read

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
