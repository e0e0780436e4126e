from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnforcedClause")


@_attrs_define
class EnforcedClause:
    """The clause a moderation decision enforces, as it read in the version in force.

    Attributes:
        policy_id (UUID):
        version_id (UUID):
        version_label (str):
        ref (str):
        title (None | str):
    """

    policy_id: UUID
    version_id: UUID
    version_label: str
    ref: str
    title: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = str(self.policy_id)

        version_id = str(self.version_id)

        version_label = self.version_label

        ref = self.ref

        title: None | str
        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "version_id": version_id,
                "version_label": version_label,
                "ref": ref,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_id = UUID(d.pop("policy_id"))

        version_id = UUID(d.pop("version_id"))

        version_label = d.pop("version_label")

        ref = d.pop("ref")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        enforced_clause = cls(
            policy_id=policy_id,
            version_id=version_id,
            version_label=version_label,
            ref=ref,
            title=title,
        )

        enforced_clause.additional_properties = d
        return enforced_clause

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
