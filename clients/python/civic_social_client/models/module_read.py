from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_role import GrantRole

T = TypeVar("T", bound="ModuleRead")


@_attrs_define
class ModuleRead:
    """
    Attributes:
        id (UUID):
        code (str):
        module_version (str):
        title (str):
        competency_codes (list[str]):
        validity_days (int):
        pass_mark (float):
        required_for_roles (list[GrantRole]):
        policy_version_id (None | UUID):
        retraining_on_new_policy (bool):
        retired_on (datetime.date | None):
        retraining_on_retire (bool):
        retirement_reason (None | str):
        created_at (datetime.datetime):
        version (int):
    """

    id: UUID
    code: str
    module_version: str
    title: str
    competency_codes: list[str]
    validity_days: int
    pass_mark: float
    required_for_roles: list[GrantRole]
    policy_version_id: None | UUID
    retraining_on_new_policy: bool
    retired_on: datetime.date | None
    retraining_on_retire: bool
    retirement_reason: None | str
    created_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        module_version = self.module_version

        title = self.title

        competency_codes = self.competency_codes

        validity_days = self.validity_days

        pass_mark = self.pass_mark

        required_for_roles = []
        for required_for_roles_item_data in self.required_for_roles:
            required_for_roles_item = required_for_roles_item_data.value
            required_for_roles.append(required_for_roles_item)

        policy_version_id: None | str
        if isinstance(self.policy_version_id, UUID):
            policy_version_id = str(self.policy_version_id)
        else:
            policy_version_id = self.policy_version_id

        retraining_on_new_policy = self.retraining_on_new_policy

        retired_on: None | str
        if isinstance(self.retired_on, datetime.date):
            retired_on = self.retired_on.isoformat()
        else:
            retired_on = self.retired_on

        retraining_on_retire = self.retraining_on_retire

        retirement_reason: None | str
        retirement_reason = self.retirement_reason

        created_at = self.created_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "module_version": module_version,
                "title": title,
                "competency_codes": competency_codes,
                "validity_days": validity_days,
                "pass_mark": pass_mark,
                "required_for_roles": required_for_roles,
                "policy_version_id": policy_version_id,
                "retraining_on_new_policy": retraining_on_new_policy,
                "retired_on": retired_on,
                "retraining_on_retire": retraining_on_retire,
                "retirement_reason": retirement_reason,
                "created_at": created_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        module_version = d.pop("module_version")

        title = d.pop("title")

        competency_codes = cast(list[str], d.pop("competency_codes"))

        validity_days = d.pop("validity_days")

        pass_mark = d.pop("pass_mark")

        required_for_roles = []
        _required_for_roles = d.pop("required_for_roles")
        for required_for_roles_item_data in _required_for_roles:
            required_for_roles_item = GrantRole(required_for_roles_item_data)

            required_for_roles.append(required_for_roles_item)

        def _parse_policy_version_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_version_id_type_0 = UUID(data)

                return policy_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        policy_version_id = _parse_policy_version_id(d.pop("policy_version_id"))

        retraining_on_new_policy = d.pop("retraining_on_new_policy")

        def _parse_retired_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_on_type_0 = datetime.date.fromisoformat(data)

                return retired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        retired_on = _parse_retired_on(d.pop("retired_on"))

        retraining_on_retire = d.pop("retraining_on_retire")

        def _parse_retirement_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retirement_reason = _parse_retirement_reason(d.pop("retirement_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        version = d.pop("version")

        module_read = cls(
            id=id,
            code=code,
            module_version=module_version,
            title=title,
            competency_codes=competency_codes,
            validity_days=validity_days,
            pass_mark=pass_mark,
            required_for_roles=required_for_roles,
            policy_version_id=policy_version_id,
            retraining_on_new_policy=retraining_on_new_policy,
            retired_on=retired_on,
            retraining_on_retire=retraining_on_retire,
            retirement_reason=retirement_reason,
            created_at=created_at,
            version=version,
        )

        module_read.additional_properties = d
        return module_read

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
