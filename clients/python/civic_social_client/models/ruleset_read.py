from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.policy_version_ref import PolicyVersionRef
    from ..models.ruleset_read_rules import RulesetReadRules


T = TypeVar("T", bound="RulesetRead")


@_attrs_define
class RulesetRead:
    """
    Attributes:
        id (UUID):
        policy_version (PolicyVersionRef):
        rules (RulesetReadRules):
        term_count (int):
        ruleset_version (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    policy_version: PolicyVersionRef
    rules: RulesetReadRules
    term_count: int
    ruleset_version: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        policy_version = self.policy_version.to_dict()

        rules = self.rules.to_dict()

        term_count = self.term_count

        ruleset_version = self.ruleset_version

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_version": policy_version,
                "rules": rules,
                "term_count": term_count,
                "ruleset_version": ruleset_version,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_version_ref import PolicyVersionRef  # noqa: PLC0415
        from ..models.ruleset_read_rules import RulesetReadRules  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        policy_version = PolicyVersionRef.from_dict(d.pop("policy_version"))

        rules = RulesetReadRules.from_dict(d.pop("rules"))

        term_count = d.pop("term_count")

        ruleset_version = d.pop("ruleset_version")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        ruleset_read = cls(
            id=id,
            policy_version=policy_version,
            rules=rules,
            term_count=term_count,
            ruleset_version=ruleset_version,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        ruleset_read.additional_properties = d
        return ruleset_read

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
