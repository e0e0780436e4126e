from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account_summary import AccountSummary


T = TypeVar("T", bound="RotationNeeded")


@_attrs_define
class RotationNeeded:
    """
    Attributes:
        account (AccountSummary):
        access_ended_at (datetime.datetime | None): When the departed person's last grant on it ended (null: still open)
        last_rotated_at (datetime.datetime | None):
    """

    account: AccountSummary
    access_ended_at: datetime.datetime | None
    last_rotated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        access_ended_at: None | str
        if isinstance(self.access_ended_at, datetime.datetime):
            access_ended_at = self.access_ended_at.isoformat()
        else:
            access_ended_at = self.access_ended_at

        last_rotated_at: None | str
        if isinstance(self.last_rotated_at, datetime.datetime):
            last_rotated_at = self.last_rotated_at.isoformat()
        else:
            last_rotated_at = self.last_rotated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "access_ended_at": access_ended_at,
                "last_rotated_at": last_rotated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_summary import AccountSummary  # noqa: PLC0415

        d = dict(src_dict)
        account = AccountSummary.from_dict(d.pop("account"))

        def _parse_access_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return access_ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        access_ended_at = _parse_access_ended_at(d.pop("access_ended_at"))

        def _parse_last_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_rotated_at = _parse_last_rotated_at(d.pop("last_rotated_at"))

        rotation_needed = cls(
            account=account,
            access_ended_at=access_ended_at,
            last_rotated_at=last_rotated_at,
        )

        rotation_needed.additional_properties = d
        return rotation_needed

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
