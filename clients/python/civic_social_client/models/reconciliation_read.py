from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reconciliation_status import ReconciliationStatus

if TYPE_CHECKING:
    from ..models.reconciliation_finding import ReconciliationFinding


T = TypeVar("T", bound="ReconciliationRead")


@_attrs_define
class ReconciliationRead:
    """
    Attributes:
        id (UUID):
        status (ReconciliationStatus):
        as_of (datetime.date):
        roster_size (int):
        findings (list[ReconciliationFinding]):
        submitted_by (str):
        submitted_at (datetime.datetime):
        applied_by (None | str):
        applied_at (datetime.datetime | None):
        version (int):
    """

    id: UUID
    status: ReconciliationStatus
    as_of: datetime.date
    roster_size: int
    findings: list[ReconciliationFinding]
    submitted_by: str
    submitted_at: datetime.datetime
    applied_by: None | str
    applied_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        as_of = self.as_of.isoformat()

        roster_size = self.roster_size

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        submitted_by = self.submitted_by

        submitted_at = self.submitted_at.isoformat()

        applied_by: None | str
        applied_by = self.applied_by

        applied_at: None | str
        if isinstance(self.applied_at, datetime.datetime):
            applied_at = self.applied_at.isoformat()
        else:
            applied_at = self.applied_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "as_of": as_of,
                "roster_size": roster_size,
                "findings": findings,
                "submitted_by": submitted_by,
                "submitted_at": submitted_at,
                "applied_by": applied_by,
                "applied_at": applied_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_finding import ReconciliationFinding  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReconciliationStatus(d.pop("status"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        roster_size = d.pop("roster_size")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = ReconciliationFinding.from_dict(findings_item_data)

            findings.append(findings_item)

        submitted_by = d.pop("submitted_by")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        def _parse_applied_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        applied_by = _parse_applied_by(d.pop("applied_by"))

        def _parse_applied_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                applied_at_type_0 = datetime.datetime.fromisoformat(data)

                return applied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        applied_at = _parse_applied_at(d.pop("applied_at"))

        version = d.pop("version")

        reconciliation_read = cls(
            id=id,
            status=status,
            as_of=as_of,
            roster_size=roster_size,
            findings=findings,
            submitted_by=submitted_by,
            submitted_at=submitted_at,
            applied_by=applied_by,
            applied_at=applied_at,
            version=version,
        )

        reconciliation_read.additional_properties = d
        return reconciliation_read

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
