from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostCreate")


@_attrs_define
class PostCreate:
    """
    Attributes:
        person_id (UUID): Who published it
        posted_at (datetime.datetime):
        external_id (None | str | Unset):
        external_url (None | str | Unset):
        screening_id (None | Unset | UUID): The screening the draft passed, when there was one
    """

    person_id: UUID
    posted_at: datetime.datetime
    external_id: None | str | Unset = UNSET
    external_url: None | str | Unset = UNSET
    screening_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        posted_at = self.posted_at.isoformat()

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        external_url: None | str | Unset
        if isinstance(self.external_url, Unset):
            external_url = UNSET
        else:
            external_url = self.external_url

        screening_id: None | str | Unset
        if isinstance(self.screening_id, Unset):
            screening_id = UNSET
        elif isinstance(self.screening_id, UUID):
            screening_id = str(self.screening_id)
        else:
            screening_id = self.screening_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "posted_at": posted_at,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if external_url is not UNSET:
            field_dict["external_url"] = external_url
        if screening_id is not UNSET:
            field_dict["screening_id"] = screening_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_external_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_url = _parse_external_url(d.pop("external_url", UNSET))

        def _parse_screening_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                screening_id_type_0 = UUID(data)

                return screening_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        screening_id = _parse_screening_id(d.pop("screening_id", UNSET))

        post_create = cls(
            person_id=person_id,
            posted_at=posted_at,
            external_id=external_id,
            external_url=external_url,
            screening_id=screening_id,
        )

        return post_create
