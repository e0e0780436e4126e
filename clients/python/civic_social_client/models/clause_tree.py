from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.clause_node import ClauseNode
    from ..models.version_summary import VersionSummary


T = TypeVar("T", bound="ClauseTree")


@_attrs_define
class ClauseTree:
    """
    Attributes:
        policy_id (UUID):
        version (VersionSummary):
        clauses (list[ClauseNode]):
    """

    policy_id: UUID
    version: VersionSummary
    clauses: list[ClauseNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = str(self.policy_id)

        version = self.version.to_dict()

        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "version": version,
                "clauses": clauses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause_node import ClauseNode  # noqa: PLC0415
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        d = dict(src_dict)
        policy_id = UUID(d.pop("policy_id"))

        version = VersionSummary.from_dict(d.pop("version"))

        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = ClauseNode.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        clause_tree = cls(
            policy_id=policy_id,
            version=version,
            clauses=clauses,
        )

        clause_tree.additional_properties = d
        return clause_tree

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
