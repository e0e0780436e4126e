from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actions_by_kind import ActionsByKind


T = TypeVar("T", bound="RuleIn")


@_attrs_define
class RuleIn:
    """
    Attributes:
        severity (Severity):
        actions (ActionsByKind):
        clause_ref (None | str | Unset): The clause a draft breaks
        comment_clause_ref (None | str | Unset): The terms-of-engagement clause a comment breaks
        remove_from (Severity | Unset):
    """

    severity: Severity
    actions: ActionsByKind
    clause_ref: None | str | Unset = UNSET
    comment_clause_ref: None | str | Unset = UNSET
    remove_from: Severity | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity.value

        actions = self.actions.to_dict()

        clause_ref: None | str | Unset
        if isinstance(self.clause_ref, Unset):
            clause_ref = UNSET
        else:
            clause_ref = self.clause_ref

        comment_clause_ref: None | str | Unset
        if isinstance(self.comment_clause_ref, Unset):
            comment_clause_ref = UNSET
        else:
            comment_clause_ref = self.comment_clause_ref

        remove_from: str | Unset = UNSET
        if not isinstance(self.remove_from, Unset):
            remove_from = self.remove_from.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "severity": severity,
                "actions": actions,
            }
        )
        if clause_ref is not UNSET:
            field_dict["clause_ref"] = clause_ref
        if comment_clause_ref is not UNSET:
            field_dict["comment_clause_ref"] = comment_clause_ref
        if remove_from is not UNSET:
            field_dict["remove_from"] = remove_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actions_by_kind import ActionsByKind  # noqa: PLC0415

        d = dict(src_dict)
        severity = Severity(d.pop("severity"))

        actions = ActionsByKind.from_dict(d.pop("actions"))

        def _parse_clause_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clause_ref = _parse_clause_ref(d.pop("clause_ref", UNSET))

        def _parse_comment_clause_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment_clause_ref = _parse_comment_clause_ref(d.pop("comment_clause_ref", UNSET))

        _remove_from = d.pop("remove_from", UNSET)
        remove_from: Severity | Unset
        if isinstance(_remove_from, Unset):
            remove_from = UNSET
        else:
            remove_from = Severity(_remove_from)

        rule_in = cls(
            severity=severity,
            actions=actions,
            clause_ref=clause_ref,
            comment_clause_ref=comment_clause_ref,
            remove_from=remove_from,
        )

        return rule_in
