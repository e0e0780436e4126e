from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClauseCitation")


@_attrs_define
class ClauseCitation:
    """
    Attributes:
        policy_id (UUID):
        version (str): The policy version's label
        version_id (UUID):
        ref (str):
        title (None | str):
    """

    policy_id: UUID
    version: str
    version_id: UUID
    ref: str
    title: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = str(self.policy_id)

        version = self.version

        version_id = str(self.version_id)

        ref = self.ref

        title: None | str
        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "version": version,
                "version_id": version_id,
                "ref": ref,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_id = UUID(d.pop("policy_id"))

        version = d.pop("version")

        version_id = UUID(d.pop("version_id"))

        ref = d.pop("ref")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        clause_citation = cls(
            policy_id=policy_id,
            version=version,
            version_id=version_id,
            ref=ref,
            title=title,
        )

        clause_citation.additional_properties = d
        return clause_citation

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
