from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category
from ..models.severity import Severity

T = TypeVar("T", bound="TermRead")


@_attrs_define
class TermRead:
    """
    Attributes:
        id (UUID):
        ruleset_id (UUID):
        phrase (str):
        category (Category):
        severity (Severity):
        created_at (datetime.datetime):
        created_by (str):
    """

    id: UUID
    ruleset_id: UUID
    phrase: str
    category: Category
    severity: Severity
    created_at: datetime.datetime
    created_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        ruleset_id = str(self.ruleset_id)

        phrase = self.phrase

        category = self.category.value

        severity = self.severity.value

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ruleset_id": ruleset_id,
                "phrase": phrase,
                "category": category,
                "severity": severity,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ruleset_id = UUID(d.pop("ruleset_id"))

        phrase = d.pop("phrase")

        category = Category(d.pop("category"))

        severity = Severity(d.pop("severity"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        term_read = cls(
            id=id,
            ruleset_id=ruleset_id,
            phrase=phrase,
            category=category,
            severity=severity,
            created_at=created_at,
            created_by=created_by,
        )

        term_read.additional_properties = d
        return term_read

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
