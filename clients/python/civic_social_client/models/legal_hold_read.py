from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LegalHoldRead")


@_attrs_define
class LegalHoldRead:
    """
    Attributes:
        id (UUID):
        reference (str):
        reason (str):
        account_id (None | UUID):
        author_handle (None | str):
        posted_from (datetime.date | None):
        posted_to (datetime.date | None):
        placed_by (str):
        placed_at (datetime.datetime):
        released_by (None | str):
        released_at (datetime.datetime | None):
        release_reason (None | str):
        version (int):
    """

    id: UUID
    reference: str
    reason: str
    account_id: None | UUID
    author_handle: None | str
    posted_from: datetime.date | None
    posted_to: datetime.date | None
    placed_by: str
    placed_at: datetime.datetime
    released_by: None | str
    released_at: datetime.datetime | None
    release_reason: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reference = self.reference

        reason = self.reason

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        author_handle: None | str
        author_handle = self.author_handle

        posted_from: None | str
        if isinstance(self.posted_from, datetime.date):
            posted_from = self.posted_from.isoformat()
        else:
            posted_from = self.posted_from

        posted_to: None | str
        if isinstance(self.posted_to, datetime.date):
            posted_to = self.posted_to.isoformat()
        else:
            posted_to = self.posted_to

        placed_by = self.placed_by

        placed_at = self.placed_at.isoformat()

        released_by: None | str
        released_by = self.released_by

        released_at: None | str
        if isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        release_reason: None | str
        release_reason = self.release_reason

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "reason": reason,
                "account_id": account_id,
                "author_handle": author_handle,
                "posted_from": posted_from,
                "posted_to": posted_to,
                "placed_by": placed_by,
                "placed_at": placed_at,
                "released_by": released_by,
                "released_at": released_at,
                "release_reason": release_reason,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reference = d.pop("reference")

        reason = d.pop("reason")

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

        def _parse_author_handle(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_handle = _parse_author_handle(d.pop("author_handle"))

        def _parse_posted_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_from_type_0 = datetime.date.fromisoformat(data)

                return posted_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        posted_from = _parse_posted_from(d.pop("posted_from"))

        def _parse_posted_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_to_type_0 = datetime.date.fromisoformat(data)

                return posted_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        posted_to = _parse_posted_to(d.pop("posted_to"))

        placed_by = d.pop("placed_by")

        placed_at = datetime.datetime.fromisoformat(d.pop("placed_at"))

        def _parse_released_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        released_by = _parse_released_by(d.pop("released_by"))

        def _parse_released_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        released_at = _parse_released_at(d.pop("released_at"))

        def _parse_release_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        release_reason = _parse_release_reason(d.pop("release_reason"))

        version = d.pop("version")

        legal_hold_read = cls(
            id=id,
            reference=reference,
            reason=reason,
            account_id=account_id,
            author_handle=author_handle,
            posted_from=posted_from,
            posted_to=posted_to,
            placed_by=placed_by,
            placed_at=placed_at,
            released_by=released_by,
            released_at=released_at,
            release_reason=release_reason,
            version=version,
        )

        legal_hold_read.additional_properties = d
        return legal_hold_read

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
