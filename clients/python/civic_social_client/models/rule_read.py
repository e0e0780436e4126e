from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity

if TYPE_CHECKING:
    from ..models.rule_read_actions import RuleReadActions


T = TypeVar("T", bound="RuleRead")


@_attrs_define
class RuleRead:
    """
    Attributes:
        severity (Severity):
        actions (RuleReadActions):
        clause_ref (None | str):
        comment_clause_ref (None | str):
        remove_from (Severity):
    """

    severity: Severity
    actions: RuleReadActions
    clause_ref: None | str
    comment_clause_ref: None | str
    remove_from: Severity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity.value

        actions = self.actions.to_dict()

        clause_ref: None | str
        clause_ref = self.clause_ref

        comment_clause_ref: None | str
        comment_clause_ref = self.comment_clause_ref

        remove_from = self.remove_from.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity": severity,
                "actions": actions,
                "clause_ref": clause_ref,
                "comment_clause_ref": comment_clause_ref,
                "remove_from": remove_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_read_actions import RuleReadActions  # noqa: PLC0415

        d = dict(src_dict)
        severity = Severity(d.pop("severity"))

        actions = RuleReadActions.from_dict(d.pop("actions"))

        def _parse_clause_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clause_ref = _parse_clause_ref(d.pop("clause_ref"))

        def _parse_comment_clause_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment_clause_ref = _parse_comment_clause_ref(d.pop("comment_clause_ref"))

        remove_from = Severity(d.pop("remove_from"))

        rule_read = cls(
            severity=severity,
            actions=actions,
            clause_ref=clause_ref,
            comment_clause_ref=comment_clause_ref,
            remove_from=remove_from,
        )

        rule_read.additional_properties = d
        return rule_read

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
