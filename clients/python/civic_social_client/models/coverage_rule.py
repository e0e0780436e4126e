from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_kind import AccountKind
from ..models.coverage_rule_effect import CoverageRuleEffect
from ..models.covered_person_type import CoveredPersonType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoverageRule")


@_attrs_define
class CoverageRule:
    """Who and what a version covers, stated as data and cited in coverage answers.

    Attributes:
        effect (CoverageRuleEffect): include: within scope; exclude: outside scope; exempt: an activity the policy does
            not govern
        clause (str): The clause that states the rule
        person_types (list[CoveredPersonType] | Unset): Empty: any
        account_kinds (list[AccountKind] | Unset): Empty: any
        town_business (bool | None | Unset): Matches only this answer; null: either
        still_applies (list[str] | Unset): For exempt: clauses that apply all the same
    """

    effect: CoverageRuleEffect
    clause: str
    person_types: list[CoveredPersonType] | Unset = UNSET
    account_kinds: list[AccountKind] | Unset = UNSET
    town_business: bool | None | Unset = UNSET
    still_applies: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effect = self.effect.value

        clause = self.clause

        person_types: list[str] | Unset = UNSET
        if not isinstance(self.person_types, Unset):
            person_types = []
            for person_types_item_data in self.person_types:
                person_types_item = person_types_item_data.value
                person_types.append(person_types_item)

        account_kinds: list[str] | Unset = UNSET
        if not isinstance(self.account_kinds, Unset):
            account_kinds = []
            for account_kinds_item_data in self.account_kinds:
                account_kinds_item = account_kinds_item_data.value
                account_kinds.append(account_kinds_item)

        town_business: bool | None | Unset
        if isinstance(self.town_business, Unset):
            town_business = UNSET
        else:
            town_business = self.town_business

        still_applies: list[str] | Unset = UNSET
        if not isinstance(self.still_applies, Unset):
            still_applies = self.still_applies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effect": effect,
                "clause": clause,
            }
        )
        if person_types is not UNSET:
            field_dict["person_types"] = person_types
        if account_kinds is not UNSET:
            field_dict["account_kinds"] = account_kinds
        if town_business is not UNSET:
            field_dict["town_business"] = town_business
        if still_applies is not UNSET:
            field_dict["still_applies"] = still_applies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effect = CoverageRuleEffect(d.pop("effect"))

        clause = d.pop("clause")

        _person_types = d.pop("person_types", UNSET)
        person_types: list[CoveredPersonType] | Unset = UNSET
        if _person_types is not UNSET:
            person_types = []
            for person_types_item_data in _person_types:
                person_types_item = CoveredPersonType(person_types_item_data)

                person_types.append(person_types_item)

        _account_kinds = d.pop("account_kinds", UNSET)
        account_kinds: list[AccountKind] | Unset = UNSET
        if _account_kinds is not UNSET:
            account_kinds = []
            for account_kinds_item_data in _account_kinds:
                account_kinds_item = AccountKind(account_kinds_item_data)

                account_kinds.append(account_kinds_item)

        def _parse_town_business(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        town_business = _parse_town_business(d.pop("town_business", UNSET))

        still_applies = cast(list[str], d.pop("still_applies", UNSET))

        coverage_rule = cls(
            effect=effect,
            clause=clause,
            person_types=person_types,
            account_kinds=account_kinds,
            town_business=town_business,
            still_applies=still_applies,
        )

        return coverage_rule
