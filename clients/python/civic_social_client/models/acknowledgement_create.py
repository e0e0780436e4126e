from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AcknowledgementCreate")


@_attrs_define
class AcknowledgementCreate:
    """
    Attributes:
        person_id (None | Unset | UUID): Left out: the person the credential belongs to
        policy_version_id (None | Unset | UUID): Left out: the version in force today
    """

    person_id: None | Unset | UUID = UNSET
    policy_version_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        policy_version_id: None | str | Unset
        if isinstance(self.policy_version_id, Unset):
            policy_version_id = UNSET
        elif isinstance(self.policy_version_id, UUID):
            policy_version_id = str(self.policy_version_id)
        else:
            policy_version_id = self.policy_version_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if policy_version_id is not UNSET:
            field_dict["policy_version_id"] = policy_version_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        def _parse_policy_version_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_version_id_type_0 = UUID(data)

                return policy_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        policy_version_id = _parse_policy_version_id(d.pop("policy_version_id", UNSET))

        acknowledgement_create = cls(
            person_id=person_id,
            policy_version_id=policy_version_id,
        )

        return acknowledgement_create
