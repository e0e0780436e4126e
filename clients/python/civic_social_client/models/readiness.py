from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        status (Literal['ready'] | Unset):  Default: 'ready'.
        database (Literal['ok'] | Unset):  Default: 'ok'.
        migrations (Literal['at_head'] | Unset):  Default: 'at_head'.
    """

    status: Literal["ready"] | Unset = "ready"
    database: Literal["ok"] | Unset = "ok"
    migrations: Literal["at_head"] | Unset = "at_head"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        database = self.database

        migrations = self.migrations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if database is not UNSET:
            field_dict["database"] = database
        if migrations is not UNSET:
            field_dict["migrations"] = migrations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = cast(Literal["ready"] | Unset, d.pop("status", UNSET))
        if status != "ready" and not isinstance(status, Unset):
            raise ValueError(f"status must match const 'ready', got '{status}'")

        database = cast(Literal["ok"] | Unset, d.pop("database", UNSET))
        if database != "ok" and not isinstance(database, Unset):
            raise ValueError(f"database must match const 'ok', got '{database}'")

        migrations = cast(Literal["at_head"] | Unset, d.pop("migrations", UNSET))
        if migrations != "at_head" and not isinstance(migrations, Unset):
            raise ValueError(f"migrations must match const 'at_head', got '{migrations}'")

        readiness = cls(
            status=status,
            database=database,
            migrations=migrations,
        )

        readiness.additional_properties = d
        return readiness

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
