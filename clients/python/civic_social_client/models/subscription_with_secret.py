from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SubscriptionWithSecret")


@_attrs_define
class SubscriptionWithSecret:
    """
    Attributes:
        id (UUID):
        url (str):
        event_types (list[str]):
        description (None | str):
        is_active (bool):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret_rotated_at (datetime.datetime | None):
        version (int):
        secret (str): The signing secret (whsec_...). Shown this once: keep it where the receiving system verifies
            signatures
    """

    id: UUID
    url: str
    event_types: list[str]
    description: None | str
    is_active: bool
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret_rotated_at: datetime.datetime | None
    version: int
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        event_types = self.event_types

        description: None | str
        description = self.description

        is_active = self.is_active

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret_rotated_at: None | str
        if isinstance(self.secret_rotated_at, datetime.datetime):
            secret_rotated_at = self.secret_rotated_at.isoformat()
        else:
            secret_rotated_at = self.secret_rotated_at

        version = self.version

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "description": description,
                "is_active": is_active,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret_rotated_at": secret_rotated_at,
                "version": version,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        is_active = d.pop("is_active")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_secret_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secret_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return secret_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        secret_rotated_at = _parse_secret_rotated_at(d.pop("secret_rotated_at"))

        version = d.pop("version")

        secret = d.pop("secret")

        subscription_with_secret = cls(
            id=id,
            url=url,
            event_types=event_types,
            description=description,
            is_active=is_active,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            secret_rotated_at=secret_rotated_at,
            version=version,
            secret=secret,
        )

        subscription_with_secret.additional_properties = d
        return subscription_with_secret

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
