from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ModeratorCount")


@_attrs_define
class ModeratorCount:
    """
    Attributes:
        person_id (UUID):
        name (str):
        actions (int):
        removals (int):
        appeals (int):
        appeals_upheld (int):
        outlier (bool):
    """

    person_id: UUID
    name: str
    actions: int
    removals: int
    appeals: int
    appeals_upheld: int
    outlier: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        name = self.name

        actions = self.actions

        removals = self.removals

        appeals = self.appeals

        appeals_upheld = self.appeals_upheld

        outlier = self.outlier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "name": name,
                "actions": actions,
                "removals": removals,
                "appeals": appeals,
                "appeals_upheld": appeals_upheld,
                "outlier": outlier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        name = d.pop("name")

        actions = d.pop("actions")

        removals = d.pop("removals")

        appeals = d.pop("appeals")

        appeals_upheld = d.pop("appeals_upheld")

        outlier = d.pop("outlier")

        moderator_count = cls(
            person_id=person_id,
            name=name,
            actions=actions,
            removals=removals,
            appeals=appeals,
            appeals_upheld=appeals_upheld,
            outlier=outlier,
        )

        moderator_count.additional_properties = d
        return moderator_count

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
