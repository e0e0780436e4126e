from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grant_read import GrantRead
    from ..models.revoked_key import RevokedKey
    from ..models.rotation_needed import RotationNeeded


T = TypeVar("T", bound="OffboardingResult")


@_attrs_define
class OffboardingResult:
    """
    Attributes:
        person_id (UUID):
        departed_on (datetime.date):
        already_departed (bool):
        revoked_grants (list[GrantRead]):
        revoked_api_keys (list[RevokedKey]):
        accounts_to_rotate (list[RotationNeeded]): Accounts the person had access to whose credentials were not changed
            since
    """

    person_id: UUID
    departed_on: datetime.date
    already_departed: bool
    revoked_grants: list[GrantRead]
    revoked_api_keys: list[RevokedKey]
    accounts_to_rotate: list[RotationNeeded]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        departed_on = self.departed_on.isoformat()

        already_departed = self.already_departed

        revoked_grants = []
        for revoked_grants_item_data in self.revoked_grants:
            revoked_grants_item = revoked_grants_item_data.to_dict()
            revoked_grants.append(revoked_grants_item)

        revoked_api_keys = []
        for revoked_api_keys_item_data in self.revoked_api_keys:
            revoked_api_keys_item = revoked_api_keys_item_data.to_dict()
            revoked_api_keys.append(revoked_api_keys_item)

        accounts_to_rotate = []
        for accounts_to_rotate_item_data in self.accounts_to_rotate:
            accounts_to_rotate_item = accounts_to_rotate_item_data.to_dict()
            accounts_to_rotate.append(accounts_to_rotate_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "departed_on": departed_on,
                "already_departed": already_departed,
                "revoked_grants": revoked_grants,
                "revoked_api_keys": revoked_api_keys,
                "accounts_to_rotate": accounts_to_rotate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_read import GrantRead  # noqa: PLC0415
        from ..models.revoked_key import RevokedKey  # noqa: PLC0415
        from ..models.rotation_needed import RotationNeeded  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        departed_on = datetime.date.fromisoformat(d.pop("departed_on"))

        already_departed = d.pop("already_departed")

        revoked_grants = []
        _revoked_grants = d.pop("revoked_grants")
        for revoked_grants_item_data in _revoked_grants:
            revoked_grants_item = GrantRead.from_dict(revoked_grants_item_data)

            revoked_grants.append(revoked_grants_item)

        revoked_api_keys = []
        _revoked_api_keys = d.pop("revoked_api_keys")
        for revoked_api_keys_item_data in _revoked_api_keys:
            revoked_api_keys_item = RevokedKey.from_dict(revoked_api_keys_item_data)

            revoked_api_keys.append(revoked_api_keys_item)

        accounts_to_rotate = []
        _accounts_to_rotate = d.pop("accounts_to_rotate")
        for accounts_to_rotate_item_data in _accounts_to_rotate:
            accounts_to_rotate_item = RotationNeeded.from_dict(accounts_to_rotate_item_data)

            accounts_to_rotate.append(accounts_to_rotate_item)

        offboarding_result = cls(
            person_id=person_id,
            departed_on=departed_on,
            already_departed=already_departed,
            revoked_grants=revoked_grants,
            revoked_api_keys=revoked_api_keys,
            accounts_to_rotate=accounts_to_rotate,
        )

        offboarding_result.additional_properties = d
        return offboarding_result

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
