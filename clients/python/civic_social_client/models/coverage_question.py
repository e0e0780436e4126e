from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_kind import AccountKind
from ..models.covered_person_type import CoveredPersonType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoverageQuestion")


@_attrs_define
class CoverageQuestion:
    """
    Attributes:
        person_type (CoveredPersonType): The relationship a person has with the town (the same words as
            people.PersonType).
        account_kind (AccountKind): The kind of account a question about coverage is asked for.
        town_business (bool): Whether town business is discussed
        on (datetime.date | None | Unset): The date asked about; default today
    """

    person_type: CoveredPersonType
    account_kind: AccountKind
    town_business: bool
    on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_type = self.person_type.value

        account_kind = self.account_kind.value

        town_business = self.town_business

        on: None | str | Unset
        if isinstance(self.on, Unset):
            on = UNSET
        elif isinstance(self.on, datetime.date):
            on = self.on.isoformat()
        else:
            on = self.on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_type": person_type,
                "account_kind": account_kind,
                "town_business": town_business,
            }
        )
        if on is not UNSET:
            field_dict["on"] = on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_type = CoveredPersonType(d.pop("person_type"))

        account_kind = AccountKind(d.pop("account_kind"))

        town_business = d.pop("town_business")

        def _parse_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_type_0 = datetime.date.fromisoformat(data)

                return on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        on = _parse_on(d.pop("on", UNSET))

        coverage_question = cls(
            person_type=person_type,
            account_kind=account_kind,
            town_business=town_business,
            on=on,
        )

        return coverage_question
