from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RosterEntry")


@_attrs_define
class RosterEntry:
    """
    Attributes:
        email (str):
        contract_ends_on (datetime.date | None | Unset): For contract employees and volunteers
    """

    email: str
    contract_ends_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        contract_ends_on: None | str | Unset
        if isinstance(self.contract_ends_on, Unset):
            contract_ends_on = UNSET
        elif isinstance(self.contract_ends_on, datetime.date):
            contract_ends_on = self.contract_ends_on.isoformat()
        else:
            contract_ends_on = self.contract_ends_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
            }
        )
        if contract_ends_on is not UNSET:
            field_dict["contract_ends_on"] = contract_ends_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        def _parse_contract_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_ends_on_type_0 = datetime.date.fromisoformat(data)

                return contract_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        contract_ends_on = _parse_contract_ends_on(d.pop("contract_ends_on", UNSET))

        roster_entry = cls(
            email=email,
            contract_ends_on=contract_ends_on,
        )

        return roster_entry
