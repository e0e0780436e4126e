from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clause_create import ClauseCreate
    from ..models.coverage_rule import CoverageRule


T = TypeVar("T", bound="VersionCreate")


@_attrs_define
class VersionCreate:
    """A new draft: its clauses, or a copy of another version's clauses to revise.

    Attributes:
        label (str):
        summary (None | str | Unset):
        effective_from (datetime.date | None | Unset):
        based_on_version_id (None | Unset | UUID): Start from a copy of this version's clauses and rules
        coverage_rules (list[CoverageRule] | None | Unset):
        clauses (list[ClauseCreate] | None | Unset):
    """

    label: str
    summary: None | str | Unset = UNSET
    effective_from: datetime.date | None | Unset = UNSET
    based_on_version_id: None | Unset | UUID = UNSET
    coverage_rules: list[CoverageRule] | None | Unset = UNSET
    clauses: list[ClauseCreate] | None | Unset = UNSET

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

        based_on_version_id: None | str | Unset
        if isinstance(self.based_on_version_id, Unset):
            based_on_version_id = UNSET
        elif isinstance(self.based_on_version_id, UUID):
            based_on_version_id = str(self.based_on_version_id)
        else:
            based_on_version_id = self.based_on_version_id

        coverage_rules: list[dict[str, Any]] | None | Unset
        if isinstance(self.coverage_rules, Unset):
            coverage_rules = UNSET
        elif isinstance(self.coverage_rules, list):
            coverage_rules = []
            for coverage_rules_type_0_item_data in self.coverage_rules:
                coverage_rules_type_0_item = coverage_rules_type_0_item_data.to_dict()
                coverage_rules.append(coverage_rules_type_0_item)

        else:
            coverage_rules = self.coverage_rules

        clauses: list[dict[str, Any]] | None | Unset
        if isinstance(self.clauses, Unset):
            clauses = UNSET
        elif isinstance(self.clauses, list):
            clauses = []
            for clauses_type_0_item_data in self.clauses:
                clauses_type_0_item = clauses_type_0_item_data.to_dict()
                clauses.append(clauses_type_0_item)

        else:
            clauses = self.clauses

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if based_on_version_id is not UNSET:
            field_dict["based_on_version_id"] = based_on_version_id
        if coverage_rules is not UNSET:
            field_dict["coverage_rules"] = coverage_rules
        if clauses is not UNSET:
            field_dict["clauses"] = clauses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause_create import ClauseCreate  # noqa: PLC0415
        from ..models.coverage_rule import CoverageRule  # noqa: PLC0415

        d = dict(src_dict)
        label = d.pop("label")

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

        def _parse_based_on_version_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                based_on_version_id_type_0 = UUID(data)

                return based_on_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        based_on_version_id = _parse_based_on_version_id(d.pop("based_on_version_id", UNSET))

        def _parse_coverage_rules(data: object) -> list[CoverageRule] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                coverage_rules_type_0 = []
                _coverage_rules_type_0 = data
                for coverage_rules_type_0_item_data in _coverage_rules_type_0:
                    coverage_rules_type_0_item = CoverageRule.from_dict(coverage_rules_type_0_item_data)

                    coverage_rules_type_0.append(coverage_rules_type_0_item)

                return coverage_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CoverageRule] | None | Unset, data)

        coverage_rules = _parse_coverage_rules(d.pop("coverage_rules", UNSET))

        def _parse_clauses(data: object) -> list[ClauseCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                clauses_type_0 = []
                _clauses_type_0 = data
                for clauses_type_0_item_data in _clauses_type_0:
                    clauses_type_0_item = ClauseCreate.from_dict(clauses_type_0_item_data)

                    clauses_type_0.append(clauses_type_0_item)

                return clauses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClauseCreate] | None | Unset, data)

        clauses = _parse_clauses(d.pop("clauses", UNSET))

        version_create = cls(
            label=label,
            summary=summary,
            effective_from=effective_from,
            based_on_version_id=based_on_version_id,
            coverage_rules=coverage_rules,
            clauses=clauses,
        )

        return version_create
