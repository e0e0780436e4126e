from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ruleset_update_rules import RulesetUpdateRules


T = TypeVar("T", bound="RulesetUpdate")


@_attrs_define
class RulesetUpdate:
    """
    Attributes:
        rules (RulesetUpdateRules | Unset): Replaces the rules of the categories given
    """

    rules: RulesetUpdateRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = self.rules.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ruleset_update_rules import RulesetUpdateRules  # noqa: PLC0415

        d = dict(src_dict)
        _rules = d.pop("rules", UNSET)
        rules: RulesetUpdateRules | Unset
        if isinstance(_rules, Unset):
            rules = UNSET
        else:
            rules = RulesetUpdateRules.from_dict(_rules)

        ruleset_update = cls(
            rules=rules,
        )

        return ruleset_update
