from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.commenter_count import CommenterCount
    from ..models.moderator_count import ModeratorCount
    from ..models.reason_count import ReasonCount


T = TypeVar("T", bound="NeutralityReport")


@_attrs_define
class NeutralityReport:
    """
    Attributes:
        from_ (datetime.date | None):
        to (datetime.date | None):
        account_id (None | UUID):
        actions (int):
        removals (int):
        by_reason_code (list[ReasonCount]):
        by_moderator (list[ModeratorCount]):
        by_commenter (list[CommenterCount]): The 100 commenters with the most removals (outliers always included)
        method (str): How outliers are found
    """

    from_: datetime.date | None
    to: datetime.date | None
    account_id: None | UUID
    actions: int
    removals: int
    by_reason_code: list[ReasonCount]
    by_moderator: list[ModeratorCount]
    by_commenter: list[CommenterCount]
    method: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to: None | str
        if isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        actions = self.actions

        removals = self.removals

        by_reason_code = []
        for by_reason_code_item_data in self.by_reason_code:
            by_reason_code_item = by_reason_code_item_data.to_dict()
            by_reason_code.append(by_reason_code_item)

        by_moderator = []
        for by_moderator_item_data in self.by_moderator:
            by_moderator_item = by_moderator_item_data.to_dict()
            by_moderator.append(by_moderator_item)

        by_commenter = []
        for by_commenter_item_data in self.by_commenter:
            by_commenter_item = by_commenter_item_data.to_dict()
            by_commenter.append(by_commenter_item)

        method = self.method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "account_id": account_id,
                "actions": actions,
                "removals": removals,
                "by_reason_code": by_reason_code,
                "by_moderator": by_moderator,
                "by_commenter": by_commenter,
                "method": method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commenter_count import CommenterCount  # noqa: PLC0415
        from ..models.moderator_count import ModeratorCount  # noqa: PLC0415
        from ..models.reason_count import ReasonCount  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))

        def _parse_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to = _parse_to(d.pop("to"))

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        actions = d.pop("actions")

        removals = d.pop("removals")

        by_reason_code = []
        _by_reason_code = d.pop("by_reason_code")
        for by_reason_code_item_data in _by_reason_code:
            by_reason_code_item = ReasonCount.from_dict(by_reason_code_item_data)

            by_reason_code.append(by_reason_code_item)

        by_moderator = []
        _by_moderator = d.pop("by_moderator")
        for by_moderator_item_data in _by_moderator:
            by_moderator_item = ModeratorCount.from_dict(by_moderator_item_data)

            by_moderator.append(by_moderator_item)

        by_commenter = []
        _by_commenter = d.pop("by_commenter")
        for by_commenter_item_data in _by_commenter:
            by_commenter_item = CommenterCount.from_dict(by_commenter_item_data)

            by_commenter.append(by_commenter_item)

        method = d.pop("method")

        neutrality_report = cls(
            from_=from_,
            to=to,
            account_id=account_id,
            actions=actions,
            removals=removals,
            by_reason_code=by_reason_code,
            by_moderator=by_moderator,
            by_commenter=by_commenter,
            method=method,
        )

        neutrality_report.additional_properties = d
        return neutrality_report

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
