from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Offboarding")


@_attrs_define
class Offboarding:
    """
    Attributes:
        reason (str):
        departed_on (datetime.date | None | Unset): Today when left out
    """

    reason: str
    departed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        departed_on: None | str | Unset
        if isinstance(self.departed_on, Unset):
            departed_on = UNSET
        elif isinstance(self.departed_on, datetime.date):
            departed_on = self.departed_on.isoformat()
        else:
            departed_on = self.departed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if departed_on is not UNSET:
            field_dict["departed_on"] = departed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_departed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departed_on_type_0 = datetime.date.fromisoformat(data)

                return departed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        departed_on = _parse_departed_on(d.pop("departed_on", UNSET))

        offboarding = cls(
            reason=reason,
            departed_on=departed_on,
        )

        return offboarding
