from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.roster_entry import RosterEntry


T = TypeVar("T", bound="ReconciliationCreate")


@_attrs_define
class ReconciliationCreate:
    """
    Attributes:
        people (list[RosterEntry]): Everyone the HR system lists as active
        as_of (datetime.date | None | Unset): Today when left out
        apply (bool | Unset): Act on the findings at once Default: False.
    """

    people: list[RosterEntry]
    as_of: datetime.date | None | Unset = UNSET
    apply: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        apply = self.apply

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "people": people,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if apply is not UNSET:
            field_dict["apply"] = apply

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_entry import RosterEntry  # noqa: PLC0415

        d = dict(src_dict)
        people = []
        _people = d.pop("people")
        for people_item_data in _people:
            people_item = RosterEntry.from_dict(people_item_data)

            people.append(people_item)

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        apply = d.pop("apply", UNSET)

        reconciliation_create = cls(
            people=people,
            as_of=as_of,
            apply=apply,
        )

        return reconciliation_create
