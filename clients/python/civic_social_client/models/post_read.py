from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PostRead")


@_attrs_define
class PostRead:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        person_id (UUID):
        posted_at (datetime.datetime):
        external_id (None | str):
        external_url (None | str):
        screening_id (None | UUID):
        authorised (bool): The person held an owner or publisher grant on the account when it was posted
        recorded_by (str):
        recorded_at (datetime.datetime):
    """

    id: UUID
    account_id: UUID
    person_id: UUID
    posted_at: datetime.datetime
    external_id: None | str
    external_url: None | str
    screening_id: None | UUID
    authorised: bool
    recorded_by: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        person_id = str(self.person_id)

        posted_at = self.posted_at.isoformat()

        external_id: None | str
        external_id = self.external_id

        external_url: None | str
        external_url = self.external_url

        screening_id: None | str
        if isinstance(self.screening_id, UUID):
            screening_id = str(self.screening_id)
        else:
            screening_id = self.screening_id

        authorised = self.authorised

        recorded_by = self.recorded_by

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "person_id": person_id,
                "posted_at": posted_at,
                "external_id": external_id,
                "external_url": external_url,
                "screening_id": screening_id,
                "authorised": authorised,
                "recorded_by": recorded_by,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        person_id = UUID(d.pop("person_id"))

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        def _parse_external_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_url = _parse_external_url(d.pop("external_url"))

        def _parse_screening_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                screening_id_type_0 = UUID(data)

                return screening_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))

        authorised = d.pop("authorised")

        recorded_by = d.pop("recorded_by")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        post_read = cls(
            id=id,
            account_id=account_id,
            person_id=person_id,
            posted_at=posted_at,
            external_id=external_id,
            external_url=external_url,
            screening_id=screening_id,
            authorised=authorised,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )

        post_read.additional_properties = d
        return post_read

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
