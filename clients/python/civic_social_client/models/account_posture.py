from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_security import AccountSecurity
    from ..models.account_summary import AccountSummary
    from ..models.posture_finding_read import PostureFindingRead


T = TypeVar("T", bound="AccountPosture")


@_attrs_define
class AccountPosture:
    """
    Attributes:
        account (AccountSummary):
        security (AccountSecurity):
        findings (list[PostureFindingRead]):
        worst_severity (None | str):
        checked_at (datetime.datetime):
    """

    account: AccountSummary
    security: AccountSecurity
    findings: list[PostureFindingRead]
    worst_severity: None | str
    checked_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        security = self.security.to_dict()

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        worst_severity: None | str
        worst_severity = self.worst_severity

        checked_at = self.checked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "security": security,
                "findings": findings,
                "worst_severity": worst_severity,
                "checked_at": checked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_security import AccountSecurity  # noqa: PLC0415
        from ..models.account_summary import AccountSummary  # noqa: PLC0415
        from ..models.posture_finding_read import PostureFindingRead  # noqa: PLC0415

        d = dict(src_dict)
        account = AccountSummary.from_dict(d.pop("account"))

        security = AccountSecurity.from_dict(d.pop("security"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = PostureFindingRead.from_dict(findings_item_data)

            findings.append(findings_item)

        def _parse_worst_severity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        worst_severity = _parse_worst_severity(d.pop("worst_severity"))

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        account_posture = cls(
            account=account,
            security=security,
            findings=findings,
            worst_severity=worst_severity,
            checked_at=checked_at,
        )

        account_posture.additional_properties = d
        return account_posture

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
