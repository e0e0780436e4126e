from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Vote")


@_attrs_define
class Vote:
    """
    Attributes:
        in_favour (int):
        opposed (int):
        abstained (int | Unset):  Default: 0.
    """

    in_favour: int
    opposed: int
    abstained: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        in_favour = self.in_favour

        opposed = self.opposed

        abstained = self.abstained

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "in_favour": in_favour,
                "opposed": opposed,
            }
        )
        if abstained is not UNSET:
            field_dict["abstained"] = abstained

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        in_favour = d.pop("in_favour")

        opposed = d.pop("opposed")

        abstained = d.pop("abstained", UNSET)

        vote = cls(
            in_favour=in_favour,
            opposed=opposed,
            abstained=abstained,
        )

        return vote
