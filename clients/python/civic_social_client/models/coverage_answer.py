from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.citation import Citation
    from ..models.version_summary import VersionSummary


T = TypeVar("T", bound="CoverageAnswer")


@_attrs_define
class CoverageAnswer:
    """
    Attributes:
        policy_id (UUID):
        version (None | VersionSummary): The version in force; null if none was
        on (datetime.date):
        covered (bool): Whether any of the policy applies
        scope (list[Citation]): The scope rules that decided coverage
        exemptions (list[Citation]): The exemptions that matched
        clauses (list[Citation]): The clauses that apply, outermost first
        explanation (str):
    """

    policy_id: UUID
    version: None | VersionSummary
    on: datetime.date
    covered: bool
    scope: list[Citation]
    exemptions: list[Citation]
    clauses: list[Citation]
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        policy_id = str(self.policy_id)

        version: dict[str, Any] | None
        if isinstance(self.version, VersionSummary):
            version = self.version.to_dict()
        else:
            version = self.version

        on = self.on.isoformat()

        covered = self.covered

        scope = []
        for scope_item_data in self.scope:
            scope_item = scope_item_data.to_dict()
            scope.append(scope_item)

        exemptions = []
        for exemptions_item_data in self.exemptions:
            exemptions_item = exemptions_item_data.to_dict()
            exemptions.append(exemptions_item)

        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "version": version,
                "on": on,
                "covered": covered,
                "scope": scope,
                "exemptions": exemptions,
                "clauses": clauses,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        d = dict(src_dict)
        policy_id = UUID(d.pop("policy_id"))

        def _parse_version(data: object) -> None | VersionSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_type_0 = VersionSummary.from_dict(data)

                return version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VersionSummary, data)

        version = _parse_version(d.pop("version"))

        on = datetime.date.fromisoformat(d.pop("on"))

        covered = d.pop("covered")

        scope = []
        _scope = d.pop("scope")
        for scope_item_data in _scope:
            scope_item = Citation.from_dict(scope_item_data)

            scope.append(scope_item)

        exemptions = []
        _exemptions = d.pop("exemptions")
        for exemptions_item_data in _exemptions:
            exemptions_item = Citation.from_dict(exemptions_item_data)

            exemptions.append(exemptions_item)

        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = Citation.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        explanation = d.pop("explanation")

        coverage_answer = cls(
            policy_id=policy_id,
            version=version,
            on=on,
            covered=covered,
            scope=scope,
            exemptions=exemptions,
            clauses=clauses,
            explanation=explanation,
        )

        coverage_answer.additional_properties = d
        return coverage_answer

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
