from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletionCreate")


@_attrs_define
class CompletionCreate:
    """One result from the learning-management system.

    Attributes:
        person_id (UUID):
        module_id (UUID): The module version completed
        completed_on (datetime.date): The town date it was completed
        score (float):
        pass_mark (float | None | Unset): The module's when left out
        evidence_reference (None | str | Unset):
        external_id (None | str | Unset): The LMS's id for the record: a resend with the same id is recognised
    """

    person_id: UUID
    module_id: UUID
    completed_on: datetime.date
    score: float
    pass_mark: float | None | Unset = UNSET
    evidence_reference: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        module_id = str(self.module_id)

        completed_on = self.completed_on.isoformat()

        score = self.score

        pass_mark: float | None | Unset
        if isinstance(self.pass_mark, Unset):
            pass_mark = UNSET
        else:
            pass_mark = self.pass_mark

        evidence_reference: None | str | Unset
        if isinstance(self.evidence_reference, Unset):
            evidence_reference = UNSET
        else:
            evidence_reference = self.evidence_reference

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "module_id": module_id,
                "completed_on": completed_on,
                "score": score,
            }
        )
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark
        if evidence_reference is not UNSET:
            field_dict["evidence_reference"] = evidence_reference
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        module_id = UUID(d.pop("module_id"))

        completed_on = datetime.date.fromisoformat(d.pop("completed_on"))

        score = d.pop("score")

        def _parse_pass_mark(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pass_mark = _parse_pass_mark(d.pop("pass_mark", UNSET))

        def _parse_evidence_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_reference = _parse_evidence_reference(d.pop("evidence_reference", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        completion_create = cls(
            person_id=person_id,
            module_id=module_id,
            completed_on=completed_on,
            score=score,
            pass_mark=pass_mark,
            evidence_reference=evidence_reference,
            external_id=external_id,
        )

        return completion_create
