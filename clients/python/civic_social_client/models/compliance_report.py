from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_role import GrantRole

if TYPE_CHECKING:
    from ..models.compliance_report_expiring import ComplianceReportExpiring
    from ..models.compliance_row import ComplianceRow


T = TypeVar("T", bound="ComplianceReport")


@_attrs_define
class ComplianceReport:
    """
    Attributes:
        role (GrantRole): What a named person may do on an official account.
        group_by (str):
        on (datetime.date):
        people (int):
        eligible (int):
        expiring (ComplianceReportExpiring): Eligible people whose eligibility ends within
        rows (list[ComplianceRow]):
    """

    role: GrantRole
    group_by: str
    on: datetime.date
    people: int
    eligible: int
    expiring: ComplianceReportExpiring
    rows: list[ComplianceRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        group_by = self.group_by

        on = self.on.isoformat()

        people = self.people

        eligible = self.eligible

        expiring = self.expiring.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "group_by": group_by,
                "on": on,
                "people": people,
                "eligible": eligible,
                "expiring": expiring,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compliance_report_expiring import ComplianceReportExpiring  # noqa: PLC0415
        from ..models.compliance_row import ComplianceRow  # noqa: PLC0415

        d = dict(src_dict)
        role = GrantRole(d.pop("role"))

        group_by = d.pop("group_by")

        on = datetime.date.fromisoformat(d.pop("on"))

        people = d.pop("people")

        eligible = d.pop("eligible")

        expiring = ComplianceReportExpiring.from_dict(d.pop("expiring"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ComplianceRow.from_dict(rows_item_data)

            rows.append(rows_item)

        compliance_report = cls(
            role=role,
            group_by=group_by,
            on=on,
            people=people,
            eligible=eligible,
            expiring=expiring,
            rows=rows,
        )

        compliance_report.additional_properties = d
        return compliance_report

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
