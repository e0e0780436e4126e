from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coverage_rule import CoverageRule


T = TypeVar("T", bound="VersionUpdate")


@_attrs_define
class VersionUpdate:
    """
    Attributes:
        label (str | Unset):
        summary (None | str | Unset):
        effective_from (datetime.date | None | Unset):
        coverage_rules (list[CoverageRule] | Unset):
    """

    label: str | Unset = UNSET
    summary: None | str | Unset = UNSET
    effective_from: datetime.date | None | Unset = UNSET
    coverage_rules: list[CoverageRule] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        coverage_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverage_rules, Unset):
            coverage_rules = []
            for coverage_rules_item_data in self.coverage_rules:
                coverage_rules_item = coverage_rules_item_data.to_dict()
                coverage_rules.append(coverage_rules_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if summary is not UNSET:
            field_dict["summary"] = summary
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if coverage_rules is not UNSET:
            field_dict["coverage_rules"] = coverage_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_rule import CoverageRule  # noqa: PLC0415

        d = dict(src_dict)
        label = d.pop("label", UNSET)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        _coverage_rules = d.pop("coverage_rules", UNSET)
        coverage_rules: list[CoverageRule] | Unset = UNSET
        if _coverage_rules is not UNSET:
            coverage_rules = []
            for coverage_rules_item_data in _coverage_rules:
                coverage_rules_item = CoverageRule.from_dict(coverage_rules_item_data)

                coverage_rules.append(coverage_rules_item)

        version_update = cls(
            label=label,
            summary=summary,
            effective_from=effective_from,
            coverage_rules=coverage_rules,
        )

        return version_update
