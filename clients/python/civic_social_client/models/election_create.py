from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ElectionCreate")


@_attrs_define
class ElectionCreate:
    """
    Attributes:
        name (str):
        period_starts_on (datetime.date): First day of the Election Period
        period_ends_on (datetime.date): Last day of the Election Period (inclusive)
        voting_day (datetime.date | None | Unset):
    """

    name: str
    period_starts_on: datetime.date
    period_ends_on: datetime.date
    voting_day: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        period_starts_on = self.period_starts_on.isoformat()

        period_ends_on = self.period_ends_on.isoformat()

        voting_day: None | str | Unset
        if isinstance(self.voting_day, Unset):
            voting_day = UNSET
        elif isinstance(self.voting_day, datetime.date):
            voting_day = self.voting_day.isoformat()
        else:
            voting_day = self.voting_day

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "period_starts_on": period_starts_on,
                "period_ends_on": period_ends_on,
            }
        )
        if voting_day is not UNSET:
            field_dict["voting_day"] = voting_day

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        period_starts_on = datetime.date.fromisoformat(d.pop("period_starts_on"))

        period_ends_on = datetime.date.fromisoformat(d.pop("period_ends_on"))

        def _parse_voting_day(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voting_day_type_0 = datetime.date.fromisoformat(data)

                return voting_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        voting_day = _parse_voting_day(d.pop("voting_day", UNSET))

        election_create = cls(
            name=name,
            period_starts_on=period_starts_on,
            period_ends_on=period_ends_on,
            voting_day=voting_day,
        )

        return election_create
