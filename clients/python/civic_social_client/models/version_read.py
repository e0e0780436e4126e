from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_status import VersionStatus

if TYPE_CHECKING:
    from ..models.adoption_record import AdoptionRecord
    from ..models.repeal_record import RepealRecord
    from ..models.version_read_coverage_rules_item import VersionReadCoverageRulesItem


T = TypeVar("T", bound="VersionRead")


@_attrs_define
class VersionRead:
    """
    Attributes:
        id (UUID):
        policy_id (UUID):
        label (str):
        status (VersionStatus):
        summary (None | str):
        effective_from (datetime.date | None):
        effective_to (datetime.date | None): Exclusive; null while no successor
        supersedes_id (None | UUID):
        adoption (AdoptionRecord | None):
        repeal (None | RepealRecord):
        coverage_rules (list[VersionReadCoverageRulesItem]):
        clause_count (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    policy_id: UUID
    label: str
    status: VersionStatus
    summary: None | str
    effective_from: datetime.date | None
    effective_to: datetime.date | None
    supersedes_id: None | UUID
    adoption: AdoptionRecord | None
    repeal: None | RepealRecord
    coverage_rules: list[VersionReadCoverageRulesItem]
    clause_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.adoption_record import AdoptionRecord  # noqa: PLC0415
        from ..models.repeal_record import RepealRecord  # noqa: PLC0415

        id = str(self.id)

        policy_id = str(self.policy_id)

        label = self.label

        status = self.status.value

        summary: None | str
        summary = self.summary

        effective_from: None | str
        if isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        supersedes_id: None | str
        if isinstance(self.supersedes_id, UUID):
            supersedes_id = str(self.supersedes_id)
        else:
            supersedes_id = self.supersedes_id

        adoption: dict[str, Any] | None
        if isinstance(self.adoption, AdoptionRecord):
            adoption = self.adoption.to_dict()
        else:
            adoption = self.adoption

        repeal: dict[str, Any] | None
        if isinstance(self.repeal, RepealRecord):
            repeal = self.repeal.to_dict()
        else:
            repeal = self.repeal

        coverage_rules = []
        for coverage_rules_item_data in self.coverage_rules:
            coverage_rules_item = coverage_rules_item_data.to_dict()
            coverage_rules.append(coverage_rules_item)

        clause_count = self.clause_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "label": label,
                "status": status,
                "summary": summary,
                "effective_from": effective_from,
                "effective_to": effective_to,
                "supersedes_id": supersedes_id,
                "adoption": adoption,
                "repeal": repeal,
                "coverage_rules": coverage_rules,
                "clause_count": clause_count,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adoption_record import AdoptionRecord  # noqa: PLC0415
        from ..models.repeal_record import RepealRecord  # noqa: PLC0415
        from ..models.version_read_coverage_rules_item import VersionReadCoverageRulesItem  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        policy_id = UUID(d.pop("policy_id"))

        label = d.pop("label")

        status = VersionStatus(d.pop("status"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        def _parse_effective_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_from = _parse_effective_from(d.pop("effective_from"))

        def _parse_effective_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_to = _parse_effective_to(d.pop("effective_to"))

        def _parse_supersedes_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supersedes_id_type_0 = UUID(data)

                return supersedes_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supersedes_id = _parse_supersedes_id(d.pop("supersedes_id"))

        def _parse_adoption(data: object) -> AdoptionRecord | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                adoption_type_0 = AdoptionRecord.from_dict(data)

                return adoption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdoptionRecord | None, data)

        adoption = _parse_adoption(d.pop("adoption"))

        def _parse_repeal(data: object) -> None | RepealRecord:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                repeal_type_0 = RepealRecord.from_dict(data)

                return repeal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RepealRecord, data)

        repeal = _parse_repeal(d.pop("repeal"))

        coverage_rules = []
        _coverage_rules = d.pop("coverage_rules")
        for coverage_rules_item_data in _coverage_rules:
            coverage_rules_item = VersionReadCoverageRulesItem.from_dict(coverage_rules_item_data)

            coverage_rules.append(coverage_rules_item)

        clause_count = d.pop("clause_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        version_read = cls(
            id=id,
            policy_id=policy_id,
            label=label,
            status=status,
            summary=summary,
            effective_from=effective_from,
            effective_to=effective_to,
            supersedes_id=supersedes_id,
            adoption=adoption,
            repeal=repeal,
            coverage_rules=coverage_rules,
            clause_count=clause_count,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        version_read.additional_properties = d
        return version_read

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
