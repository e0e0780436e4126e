from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppealCreate")


@_attrs_define
class AppealCreate:
    """
    Attributes:
        token (str): The token from the notice
        statement (str): Why the commenter asks for reconsideration
        contact (None | str | Unset): Where to send the answer, if not through the platform
    """

    token: str
    statement: str
    contact: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        statement = self.statement

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "statement": statement,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        statement = d.pop("statement")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        appeal_create = cls(
            token=token,
            statement=statement,
            contact=contact,
        )

        return appeal_create
