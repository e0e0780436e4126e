from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_kind import ActionKind

if TYPE_CHECKING:
    from ..models.enforced_clause import EnforcedClause


T = TypeVar("T", bound="ReasonCodeRead")


@_attrs_define
class ReasonCodeRead:
    """
    Attributes:
        code (str):
        label (str):
        description (str):
        clause_ref (str):
        clause (EnforcedClause | None): The clause in the version in force today; null when that version has no such
            clause (the code cannot be used until the list is revised)
        actions (list[ActionKind]):
        retired_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    code: str
    label: str
    description: str
    clause_ref: str
    clause: EnforcedClause | None
    actions: list[ActionKind]
    retired_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enforced_clause import EnforcedClause  # noqa: PLC0415

        code = self.code

        label = self.label

        description = self.description

        clause_ref = self.clause_ref

        clause: dict[str, Any] | None
        if isinstance(self.clause, EnforcedClause):
            clause = self.clause.to_dict()
        else:
            clause = self.clause

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.value
            actions.append(actions_item)

        retired_at: None | str
        if isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "label": label,
                "description": description,
                "clause_ref": clause_ref,
                "clause": clause,
                "actions": actions,
                "retired_at": retired_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.enforced_clause import EnforcedClause  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        label = d.pop("label")

        description = d.pop("description")

        clause_ref = d.pop("clause_ref")

        def _parse_clause(data: object) -> EnforcedClause | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                clause_type_0 = EnforcedClause.from_dict(data)

                return clause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnforcedClause | None, data)

        clause = _parse_clause(d.pop("clause"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionKind(actions_item_data)

            actions.append(actions_item)

        def _parse_retired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        retired_at = _parse_retired_at(d.pop("retired_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reason_code_read = cls(
            code=code,
            label=label,
            description=description,
            clause_ref=clause_ref,
            clause=clause,
            actions=actions,
            retired_at=retired_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        reason_code_read.additional_properties = d
        return reason_code_read

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
