from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ElectionUpdate")


@_attrs_define
class ElectionUpdate:
    """
    Attributes:
        name (str | Unset):
        voting_day (datetime.date | None | Unset):
        period_starts_on (datetime.date | Unset):
        period_ends_on (datetime.date | Unset):
    """

    name: str | Unset = UNSET
    voting_day: datetime.date | None | Unset = UNSET
    period_starts_on: datetime.date | Unset = UNSET
    period_ends_on: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        voting_day: None | str | Unset
        if isinstance(self.voting_day, Unset):
            voting_day = UNSET
        elif isinstance(self.voting_day, datetime.date):
            voting_day = self.voting_day.isoformat()
        else:
            voting_day = self.voting_day

        period_starts_on: str | Unset = UNSET
        if not isinstance(self.period_starts_on, Unset):
            period_starts_on = self.period_starts_on.isoformat()

        period_ends_on: str | Unset = UNSET
        if not isinstance(self.period_ends_on, Unset):
            period_ends_on = self.period_ends_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if voting_day is not UNSET:
            field_dict["voting_day"] = voting_day
        if period_starts_on is not UNSET:
            field_dict["period_starts_on"] = period_starts_on
        if period_ends_on is not UNSET:
            field_dict["period_ends_on"] = period_ends_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

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

        _period_starts_on = d.pop("period_starts_on", UNSET)
        period_starts_on: datetime.date | Unset
        if isinstance(_period_starts_on, Unset):
            period_starts_on = UNSET
        else:
            period_starts_on = datetime.date.fromisoformat(_period_starts_on)

        _period_ends_on = d.pop("period_ends_on", UNSET)
        period_ends_on: datetime.date | Unset
        if isinstance(_period_ends_on, Unset):
            period_ends_on = UNSET
        else:
            period_ends_on = datetime.date.fromisoformat(_period_ends_on)

        election_update = cls(
            name=name,
            voting_day=voting_day,
            period_starts_on=period_starts_on,
            period_ends_on=period_ends_on,
        )

        return election_update
