from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateCreate")


@_attrs_define
class CandidateCreate:
    """
    Attributes:
        name (str):
        aliases (list[str] | Unset):
        office (None | str | Unset):
    """

    name: str
    aliases: list[str] | Unset = UNSET
    office: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        office: None | str | Unset
        if isinstance(self.office, Unset):
            office = UNSET
        else:
            office = self.office

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if office is not UNSET:
            field_dict["office"] = office

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases", UNSET))

        def _parse_office(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        office = _parse_office(d.pop("office", UNSET))

        candidate_create = cls(
            name=name,
            aliases=aliases,
            office=office,
        )

        return candidate_create
