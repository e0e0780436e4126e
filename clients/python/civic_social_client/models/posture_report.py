from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_posture import AccountPosture
    from ..models.posture_report_by_code import PostureReportByCode
    from ..models.posture_report_by_severity import PostureReportBySeverity


T = TypeVar("T", bound="PostureReport")


@_attrs_define
class PostureReport:
    """
    Attributes:
        checked_at (datetime.datetime):
        accounts_checked (int):
        by_severity (PostureReportBySeverity): Findings per severity, all accounts
        by_code (PostureReportByCode): Findings per kind, all accounts
        items (list[AccountPosture]):
        total (int): Accounts with at least one finding at the severity asked
        page (int):
        page_size (int):
    """

    checked_at: datetime.datetime
    accounts_checked: int
    by_severity: PostureReportBySeverity
    by_code: PostureReportByCode
    items: list[AccountPosture]
    total: int
    page: int
    page_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked_at = self.checked_at.isoformat()

        accounts_checked = self.accounts_checked

        by_severity = self.by_severity.to_dict()

        by_code = self.by_code.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        total = self.total

        page = self.page

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked_at": checked_at,
                "accounts_checked": accounts_checked,
                "by_severity": by_severity,
                "by_code": by_code,
                "items": items,
                "total": total,
                "page": page,
                "page_size": page_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_posture import AccountPosture  # noqa: PLC0415
        from ..models.posture_report_by_code import PostureReportByCode  # noqa: PLC0415
        from ..models.posture_report_by_severity import PostureReportBySeverity  # noqa: PLC0415

        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        accounts_checked = d.pop("accounts_checked")

        by_severity = PostureReportBySeverity.from_dict(d.pop("by_severity"))

        by_code = PostureReportByCode.from_dict(d.pop("by_code"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AccountPosture.from_dict(items_item_data)

            items.append(items_item)

        total = d.pop("total")

        page = d.pop("page")

        page_size = d.pop("page_size")

        posture_report = cls(
            checked_at=checked_at,
            accounts_checked=accounts_checked,
            by_severity=by_severity,
            by_code=by_code,
            items=items,
            total=total,
            page=page,
            page_size=page_size,
        )

        posture_report.additional_properties = d
        return posture_report

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
