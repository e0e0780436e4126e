from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComplianceRow")


@_attrs_define
class ComplianceRow:
    """
    Attributes:
        group_id (UUID):
        group_name (str):
        person_id (UUID):
        person_name (str):
        eligible (bool):
        valid_until (datetime.date | None):
        expires_within_days (int | None): 30, 60 or 90 when the eligibility ends within that many days
        gaps (list[str]):
    """

    group_id: UUID
    group_name: str
    person_id: UUID
    person_name: str
    eligible: bool
    valid_until: datetime.date | None
    expires_within_days: int | None
    gaps: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = str(self.group_id)

        group_name = self.group_name

        person_id = str(self.person_id)

        person_name = self.person_name

        eligible = self.eligible

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        expires_within_days: int | None
        expires_within_days = self.expires_within_days

        gaps = self.gaps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_id": group_id,
                "group_name": group_name,
                "person_id": person_id,
                "person_name": person_name,
                "eligible": eligible,
                "valid_until": valid_until,
                "expires_within_days": expires_within_days,
                "gaps": gaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = UUID(d.pop("group_id"))

        group_name = d.pop("group_name")

        person_id = UUID(d.pop("person_id"))

        person_name = d.pop("person_name")

        eligible = d.pop("eligible")

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        def _parse_expires_within_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        expires_within_days = _parse_expires_within_days(d.pop("expires_within_days"))

        gaps = cast(list[str], d.pop("gaps"))

        compliance_row = cls(
            group_id=group_id,
            group_name=group_name,
            person_id=person_id,
            person_name=person_name,
            eligible=eligible,
            valid_until=valid_until,
            expires_within_days=expires_within_days,
            gaps=gaps,
        )

        compliance_row.additional_properties = d
        return compliance_row

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
