from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.severity import Severity

T = TypeVar("T", bound="TermCreate")


@_attrs_define
class TermCreate:
    """
    Attributes:
        phrase (str):
        category (Category):
        severity (Severity):
    """

    phrase: str
    category: Category
    severity: Severity

    def to_dict(self) -> dict[str, Any]:
        phrase = self.phrase

        category = self.category.value

        severity = self.severity.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phrase": phrase,
                "category": category,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phrase = d.pop("phrase")

        category = Category(d.pop("category"))

        severity = Severity(d.pop("severity"))

        term_create = cls(
            phrase=phrase,
            category=category,
            severity=severity,
        )

        return term_create
