from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.action_kind import ActionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReasonCodeUpdate")


@_attrs_define
class ReasonCodeUpdate:
    """
    Attributes:
        label (str | Unset):
        description (str | Unset):
        clause_ref (str | Unset):
        actions (list[ActionKind] | Unset):
        retired (bool | Unset): A retired code is listed but cannot be used
    """

    label: str | Unset = UNSET
    description: str | Unset = UNSET
    clause_ref: str | Unset = UNSET
    actions: list[ActionKind] | Unset = UNSET
    retired: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        description = self.description

        clause_ref = self.clause_ref

        actions: list[str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.value
                actions.append(actions_item)

        retired = self.retired

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if description is not UNSET:
            field_dict["description"] = description
        if clause_ref is not UNSET:
            field_dict["clause_ref"] = clause_ref
        if actions is not UNSET:
            field_dict["actions"] = actions
        if retired is not UNSET:
            field_dict["retired"] = retired

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        description = d.pop("description", UNSET)

        clause_ref = d.pop("clause_ref", UNSET)

        _actions = d.pop("actions", UNSET)
        actions: list[ActionKind] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = ActionKind(actions_item_data)

                actions.append(actions_item)

        retired = d.pop("retired", UNSET)

        reason_code_update = cls(
            label=label,
            description=description,
            clause_ref=clause_ref,
            actions=actions,
            retired=retired,
        )

        return reason_code_update
