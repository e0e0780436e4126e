from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalHoldCreate")


@_attrs_define
class LegalHoldCreate:
    """
    Attributes:
        reference (str):
        reason (str):
        account_id (None | Unset | UUID):
        author_handle (None | str | Unset):
        posted_from (datetime.date | None | Unset): Town date, inclusive
        posted_to (datetime.date | None | Unset): Town date, inclusive
    """

    reference: str
    reason: str
    account_id: None | Unset | UUID = UNSET
    author_handle: None | str | Unset = UNSET
    posted_from: datetime.date | None | Unset = UNSET
    posted_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        reason = self.reason

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        author_handle: None | str | Unset
        if isinstance(self.author_handle, Unset):
            author_handle = UNSET
        else:
            author_handle = self.author_handle

        posted_from: None | str | Unset
        if isinstance(self.posted_from, Unset):
            posted_from = UNSET
        elif isinstance(self.posted_from, datetime.date):
            posted_from = self.posted_from.isoformat()
        else:
            posted_from = self.posted_from

        posted_to: None | str | Unset
        if isinstance(self.posted_to, Unset):
            posted_to = UNSET
        elif isinstance(self.posted_to, datetime.date):
            posted_to = self.posted_to.isoformat()
        else:
            posted_to = self.posted_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
                "reason": reason,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if author_handle is not UNSET:
            field_dict["author_handle"] = author_handle
        if posted_from is not UNSET:
            field_dict["posted_from"] = posted_from
        if posted_to is not UNSET:
            field_dict["posted_to"] = posted_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        reason = d.pop("reason")

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_author_handle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        author_handle = _parse_author_handle(d.pop("author_handle", UNSET))

        def _parse_posted_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_from_type_0 = datetime.date.fromisoformat(data)

                return posted_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        posted_from = _parse_posted_from(d.pop("posted_from", UNSET))

        def _parse_posted_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_to_type_0 = datetime.date.fromisoformat(data)

                return posted_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        posted_to = _parse_posted_to(d.pop("posted_to", UNSET))

        legal_hold_create = cls(
            reference=reference,
            reason=reason,
            account_id=account_id,
            author_handle=author_handle,
            posted_from=posted_from,
            posted_to=posted_to,
        )

        return legal_hold_create
