from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.action_kind import ActionKind

T = TypeVar("T", bound="ReasonCodeCreate")


@_attrs_define
class ReasonCodeCreate:
    """
    Attributes:
        code (str):
        label (str):
        description (str): What the reason means, as published to the public, in words that name conduct and never a
            viewpoint
        clause_ref (str): The clause of the terms of engagement it enforces, in the moderation policy's version in force
        actions (list[ActionKind]): The actions it may justify
    """

    code: str
    label: str
    description: str
    clause_ref: str
    actions: list[ActionKind]

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label = self.label

        description = self.description

        clause_ref = self.clause_ref

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.value
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "label": label,
                "description": description,
                "clause_ref": clause_ref,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label = d.pop("label")

        description = d.pop("description")

        clause_ref = d.pop("clause_ref")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionKind(actions_item_data)

            actions.append(actions_item)

        reason_code_create = cls(
            code=code,
            label=label,
            description=description,
            clause_ref=clause_ref,
            actions=actions,
        )

        return reason_code_create
