from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Repeal")


@_attrs_define
class Repeal:
    """
    Attributes:
        repealed_on (datetime.date): The first day the version no longer applies
        reference (str):
    """

    repealed_on: datetime.date
    reference: str

    def to_dict(self) -> dict[str, Any]:
        repealed_on = self.repealed_on.isoformat()

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "repealed_on": repealed_on,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        repealed_on = datetime.date.fromisoformat(d.pop("repealed_on"))

        reference = d.pop("reference")

        repeal = cls(
            repealed_on=repealed_on,
            reference=reference,
        )

        return repeal
