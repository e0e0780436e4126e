from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ruleset_create_rules_type_0 import RulesetCreateRulesType0


T = TypeVar("T", bound="RulesetCreate")


@_attrs_define
class RulesetCreate:
    """
    Attributes:
        policy_version_id (UUID):
        rules (None | RulesetCreateRulesType0 | Unset): Per category; categories left out keep the default treatment.
            Without rules, the ruleset of the version this one supersedes is copied (or the defaults).
    """

    policy_version_id: UUID
    rules: None | RulesetCreateRulesType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.ruleset_create_rules_type_0 import RulesetCreateRulesType0  # noqa: PLC0415

        policy_version_id = str(self.policy_version_id)

        rules: dict[str, Any] | None | Unset
        if isinstance(self.rules, Unset):
            rules = UNSET
        elif isinstance(self.rules, RulesetCreateRulesType0):
            rules = self.rules.to_dict()
        else:
            rules = self.rules

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "policy_version_id": policy_version_id,
            }
        )
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ruleset_create_rules_type_0 import RulesetCreateRulesType0  # noqa: PLC0415

        d = dict(src_dict)
        policy_version_id = UUID(d.pop("policy_version_id"))

        def _parse_rules(data: object) -> None | RulesetCreateRulesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rules_type_0 = RulesetCreateRulesType0.from_dict(data)

                return rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RulesetCreateRulesType0 | Unset, data)

        rules = _parse_rules(d.pop("rules", UNSET))

        ruleset_create = cls(
            policy_version_id=policy_version_id,
            rules=rules,
        )

        return ruleset_create
