from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SweepRequest")


@_attrs_define
class SweepRequest:
    """
    Attributes:
        inactive_days (int | None | Unset): The configured period when left out
    """

    inactive_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        inactive_days: int | None | Unset
        if isinstance(self.inactive_days, Unset):
            inactive_days = UNSET
        else:
            inactive_days = self.inactive_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if inactive_days is not UNSET:
            field_dict["inactive_days"] = inactive_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_inactive_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        inactive_days = _parse_inactive_days(d.pop("inactive_days", UNSET))

        sweep_request = cls(
            inactive_days=inactive_days,
        )

        return sweep_request
