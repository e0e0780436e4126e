from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChainVerification")


@_attrs_define
class ChainVerification:
    """
    Attributes:
        valid (bool):
        events_checked (int): Events read before the first break, or all of them
        head_seq (int | None): Sequence number of the last event checked
        head_hash (None | str): Hash of the last event: keep it elsewhere to detect a truncated tail later
        first_broken_seq (int | None): The first event whose hash, link or position does not hold
        reason (None | str | Unset):
    """

    valid: bool
    events_checked: int
    head_seq: int | None
    head_hash: None | str
    first_broken_seq: int | None
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        events_checked = self.events_checked

        head_seq: int | None
        head_seq = self.head_seq

        head_hash: None | str
        head_hash = self.head_hash

        first_broken_seq: int | None
        first_broken_seq = self.first_broken_seq

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "events_checked": events_checked,
                "head_seq": head_seq,
                "head_hash": head_hash,
                "first_broken_seq": first_broken_seq,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid = d.pop("valid")

        events_checked = d.pop("events_checked")

        def _parse_head_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        head_seq = _parse_head_seq(d.pop("head_seq"))

        def _parse_head_hash(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        head_hash = _parse_head_hash(d.pop("head_hash"))

        def _parse_first_broken_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_broken_seq = _parse_first_broken_seq(d.pop("first_broken_seq"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        chain_verification = cls(
            valid=valid,
            events_checked=events_checked,
            head_seq=head_seq,
            head_hash=head_hash,
            first_broken_seq=first_broken_seq,
            reason=reason,
        )

        chain_verification.additional_properties = d
        return chain_verification

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
