from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ElectionRead")


@_attrs_define
class ElectionRead:
    """
    Attributes:
        id (UUID):
        name (str):
        voting_day (datetime.date | None):
        period_starts_on (datetime.date):
        period_ends_on (datetime.date):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    name: str
    voting_day: datetime.date | None
    period_starts_on: datetime.date
    period_ends_on: datetime.date
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        voting_day: None | str
        if isinstance(self.voting_day, datetime.date):
            voting_day = self.voting_day.isoformat()
        else:
            voting_day = self.voting_day

        period_starts_on = self.period_starts_on.isoformat()

        period_ends_on = self.period_ends_on.isoformat()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "voting_day": voting_day,
                "period_starts_on": period_starts_on,
                "period_ends_on": period_ends_on,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_voting_day(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voting_day_type_0 = datetime.date.fromisoformat(data)

                return voting_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        voting_day = _parse_voting_day(d.pop("voting_day"))

        period_starts_on = datetime.date.fromisoformat(d.pop("period_starts_on"))

        period_ends_on = datetime.date.fromisoformat(d.pop("period_ends_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        election_read = cls(
            id=id,
            name=name,
            voting_day=voting_day,
            period_starts_on=period_starts_on,
            period_ends_on=period_ends_on,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        election_read.additional_properties = d
        return election_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
