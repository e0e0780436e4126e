from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_role import GrantRole

if TYPE_CHECKING:
    from ..models.gap_read import GapRead


T = TypeVar("T", bound="EligibilityRead")


@_attrs_define
class EligibilityRead:
    """
    Attributes:
        person_id (UUID):
        role (GrantRole): What a named person may do on an official account.
        on (datetime.date): The town date it was judged on
        eligible (bool):
        required_competencies (list[str]):
        gaps (list[GapRead]):
        valid_until (datetime.date | None): When eligible: the last day before a completion relied on expires
        acknowledgement_due_on (datetime.date | None):
    """

    person_id: UUID
    role: GrantRole
    on: datetime.date
    eligible: bool
    required_competencies: list[str]
    gaps: list[GapRead]
    valid_until: datetime.date | None
    acknowledgement_due_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        role = self.role.value

        on = self.on.isoformat()

        eligible = self.eligible

        required_competencies = self.required_competencies

        gaps = []
        for gaps_item_data in self.gaps:
            gaps_item = gaps_item_data.to_dict()
            gaps.append(gaps_item)

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        acknowledgement_due_on: None | str
        if isinstance(self.acknowledgement_due_on, datetime.date):
            acknowledgement_due_on = self.acknowledgement_due_on.isoformat()
        else:
            acknowledgement_due_on = self.acknowledgement_due_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "role": role,
                "on": on,
                "eligible": eligible,
                "required_competencies": required_competencies,
                "gaps": gaps,
                "valid_until": valid_until,
                "acknowledgement_due_on": acknowledgement_due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gap_read import GapRead  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        role = GrantRole(d.pop("role"))

        on = datetime.date.fromisoformat(d.pop("on"))

        eligible = d.pop("eligible")

        required_competencies = cast(list[str], d.pop("required_competencies"))

        gaps = []
        _gaps = d.pop("gaps")
        for gaps_item_data in _gaps:
            gaps_item = GapRead.from_dict(gaps_item_data)

            gaps.append(gaps_item)

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

        def _parse_acknowledgement_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledgement_due_on_type_0 = datetime.date.fromisoformat(data)

                return acknowledgement_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        acknowledgement_due_on = _parse_acknowledgement_due_on(d.pop("acknowledgement_due_on"))

        eligibility_read = cls(
            person_id=person_id,
            role=role,
            on=on,
            eligible=eligible,
            required_competencies=required_competencies,
            gaps=gaps,
            valid_until=valid_until,
            acknowledgement_due_on=acknowledgement_due_on,
        )

        eligibility_read.additional_properties = d
        return eligibility_read

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
