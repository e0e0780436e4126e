from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CandidateRead")


@_attrs_define
class CandidateRead:
    """
    Attributes:
        id (UUID):
        election_id (UUID):
        name (str):
        aliases (list[str]):
        office (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    election_id: UUID
    name: str
    aliases: list[str]
    office: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        election_id = str(self.election_id)

        name = self.name

        aliases = self.aliases

        office: None | str
        office = self.office

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "election_id": election_id,
                "name": name,
                "aliases": aliases,
                "office": office,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        election_id = UUID(d.pop("election_id"))

        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases"))

        def _parse_office(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        office = _parse_office(d.pop("office"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        candidate_read = cls(
            id=id,
            election_id=election_id,
            name=name,
            aliases=aliases,
            office=office,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        candidate_read.additional_properties = d
        return candidate_read

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
