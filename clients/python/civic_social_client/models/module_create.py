from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.grant_role import GrantRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModuleCreate")


@_attrs_define
class ModuleCreate:
    """
    Attributes:
        code (str):
        module_version (str):
        title (str):
        competency_codes (list[str]):
        validity_days (int):
        pass_mark (float | Unset):  Default: 80.0.
        required_for_roles (list[GrantRole] | Unset):
        policy_version_id (None | Unset | UUID): The policy version the module teaches
        retraining_on_new_policy (bool | Unset): Completions count only while the policy version it teaches is in force
            Default: False.
    """

    code: str
    module_version: str
    title: str
    competency_codes: list[str]
    validity_days: int
    pass_mark: float | Unset = 80.0
    required_for_roles: list[GrantRole] | Unset = UNSET
    policy_version_id: None | Unset | UUID = UNSET
    retraining_on_new_policy: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        module_version = self.module_version

        title = self.title

        competency_codes = self.competency_codes

        validity_days = self.validity_days

        pass_mark = self.pass_mark

        required_for_roles: list[str] | Unset = UNSET
        if not isinstance(self.required_for_roles, Unset):
            required_for_roles = []
            for required_for_roles_item_data in self.required_for_roles:
                required_for_roles_item = required_for_roles_item_data.value
                required_for_roles.append(required_for_roles_item)

        policy_version_id: None | str | Unset
        if isinstance(self.policy_version_id, Unset):
            policy_version_id = UNSET
        elif isinstance(self.policy_version_id, UUID):
            policy_version_id = str(self.policy_version_id)
        else:
            policy_version_id = self.policy_version_id

        retraining_on_new_policy = self.retraining_on_new_policy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "module_version": module_version,
                "title": title,
                "competency_codes": competency_codes,
                "validity_days": validity_days,
            }
        )
        if pass_mark is not UNSET:
            field_dict["pass_mark"] = pass_mark
        if required_for_roles is not UNSET:
            field_dict["required_for_roles"] = required_for_roles
        if policy_version_id is not UNSET:
            field_dict["policy_version_id"] = policy_version_id
        if retraining_on_new_policy is not UNSET:
            field_dict["retraining_on_new_policy"] = retraining_on_new_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        module_version = d.pop("module_version")

        title = d.pop("title")

        competency_codes = cast(list[str], d.pop("competency_codes"))

        validity_days = d.pop("validity_days")

        pass_mark = d.pop("pass_mark", UNSET)

        _required_for_roles = d.pop("required_for_roles", UNSET)
        required_for_roles: list[GrantRole] | Unset = UNSET
        if _required_for_roles is not UNSET:
            required_for_roles = []
            for required_for_roles_item_data in _required_for_roles:
                required_for_roles_item = GrantRole(required_for_roles_item_data)

                required_for_roles.append(required_for_roles_item)

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

        retraining_on_new_policy = d.pop("retraining_on_new_policy", UNSET)

        module_create = cls(
            code=code,
            module_version=module_version,
            title=title,
            competency_codes=competency_codes,
            validity_days=validity_days,
            pass_mark=pass_mark,
            required_for_roles=required_for_roles,
            policy_version_id=policy_version_id,
            retraining_on_new_policy=retraining_on_new_policy,
        )

        return module_create
