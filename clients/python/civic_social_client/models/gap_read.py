from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GapRead")


@_attrs_define
class GapRead:
    """
    Attributes:
        kind (str):
        competency (None | str):
        since (datetime.date | None):
        last_completion_id (None | UUID):
        modules (list[str]):
        message (str):
    """

    kind: str
    competency: None | str
    since: datetime.date | None
    last_completion_id: None | UUID
    modules: list[str]
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        competency: None | str
        competency = self.competency

        since: None | str
        if isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

        last_completion_id: None | str
        if isinstance(self.last_completion_id, UUID):
            last_completion_id = str(self.last_completion_id)
        else:
            last_completion_id = self.last_completion_id

        modules = self.modules

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "competency": competency,
                "since": since,
                "last_completion_id": last_completion_id,
                "modules": modules,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_competency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        competency = _parse_competency(d.pop("competency"))

        def _parse_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        since = _parse_since(d.pop("since"))

        def _parse_last_completion_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_completion_id_type_0 = UUID(data)

                return last_completion_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        last_completion_id = _parse_last_completion_id(d.pop("last_completion_id"))

        modules = cast(list[str], d.pop("modules"))

        message = d.pop("message")

        gap_read = cls(
            kind=kind,
            competency=competency,
            since=since,
            last_completion_id=last_completion_id,
            modules=modules,
            message=message,
        )

        gap_read.additional_properties = d
        return gap_read

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
