from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action import Action
from ..models.category import Category
from ..models.severity import Severity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clause_citation import ClauseCitation


T = TypeVar("T", bound="FindingRead")


@_attrs_define
class FindingRead:
    """
    Attributes:
        category (Category):
        severity (Severity):
        start (int): Offset of the first character in the text
        end (int): Offset after the last character
        excerpt (str): The text found; personal information is masked
        detector (str):
        action (Action): What a rule asks for when its category is found. `remove` is `block` for a draft and
            `hide` for a comment; `note` reports the finding without changing the decision.
        clause (ClauseCitation | None): The clause the finding enforces
        explanation (str):
        subtype (None | str | Unset):
    """

    category: Category
    severity: Severity
    start: int
    end: int
    excerpt: str
    detector: str
    action: Action
    clause: ClauseCitation | None
    explanation: str
    subtype: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.clause_citation import ClauseCitation  # noqa: PLC0415

        category = self.category.value

        severity = self.severity.value

        start = self.start

        end = self.end

        excerpt = self.excerpt

        detector = self.detector

        action = self.action.value

        clause: dict[str, Any] | None
        if isinstance(self.clause, ClauseCitation):
            clause = self.clause.to_dict()
        else:
            clause = self.clause

        explanation = self.explanation

        subtype: None | str | Unset
        if isinstance(self.subtype, Unset):
            subtype = UNSET
        else:
            subtype = self.subtype

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "severity": severity,
                "start": start,
                "end": end,
                "excerpt": excerpt,
                "detector": detector,
                "action": action,
                "clause": clause,
                "explanation": explanation,
            }
        )
        if subtype is not UNSET:
            field_dict["subtype"] = subtype

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause_citation import ClauseCitation  # noqa: PLC0415

        d = dict(src_dict)
        category = Category(d.pop("category"))

        severity = Severity(d.pop("severity"))

        start = d.pop("start")

        end = d.pop("end")

        excerpt = d.pop("excerpt")

        detector = d.pop("detector")

        action = Action(d.pop("action"))

        def _parse_clause(data: object) -> ClauseCitation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                clause_type_0 = ClauseCitation.from_dict(data)

                return clause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClauseCitation | None, data)

        clause = _parse_clause(d.pop("clause"))

        explanation = d.pop("explanation")

        def _parse_subtype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtype = _parse_subtype(d.pop("subtype", UNSET))

        finding_read = cls(
            category=category,
            severity=severity,
            start=start,
            end=end,
            excerpt=excerpt,
            detector=detector,
            action=action,
            clause=clause,
            explanation=explanation,
            subtype=subtype,
        )

        finding_read.additional_properties = d
        return finding_read

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
