from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clause_kind import ClauseKind
from ..models.covered_person_type import CoveredPersonType
from ..models.policy_role import PolicyRole

T = TypeVar("T", bound="ClauseNode")


@_attrs_define
class ClauseNode:
    """
    Attributes:
        ref (str):
        title (None | str):
        text (str):
        kind (ClauseKind):
        term (None | str):
        role (None | PolicyRole):
        topics (list[str]):
        applies_to (list[CoveredPersonType]):
        children (list[ClauseNode]):
    """

    ref: str
    title: None | str
    text: str
    kind: ClauseKind
    term: None | str
    role: None | PolicyRole
    topics: list[str]
    applies_to: list[CoveredPersonType]
    children: list[ClauseNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title: None | str
        title = self.title

        text = self.text

        kind = self.kind.value

        term: None | str
        term = self.term

        role: None | str
        if isinstance(self.role, PolicyRole):
            role = self.role.value
        else:
            role = self.role

        topics = self.topics

        applies_to = []
        for applies_to_item_data in self.applies_to:
            applies_to_item = applies_to_item_data.value
            applies_to.append(applies_to_item)

        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "text": text,
                "kind": kind,
                "term": term,
                "role": role,
                "topics": topics,
                "applies_to": applies_to,
                "children": children,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ref = d.pop("ref")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        text = d.pop("text")

        kind = ClauseKind(d.pop("kind"))

        def _parse_term(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        term = _parse_term(d.pop("term"))

        def _parse_role(data: object) -> None | PolicyRole:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = PolicyRole(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolicyRole, data)

        role = _parse_role(d.pop("role"))

        topics = cast(list[str], d.pop("topics"))

        applies_to = []
        _applies_to = d.pop("applies_to")
        for applies_to_item_data in _applies_to:
            applies_to_item = CoveredPersonType(applies_to_item_data)

            applies_to.append(applies_to_item)

        children = []
        _children = d.pop("children")
        for children_item_data in _children:
            children_item = ClauseNode.from_dict(children_item_data)

            children.append(children_item)

        clause_node = cls(
            ref=ref,
            title=title,
            text=text,
            kind=kind,
            term=term,
            role=role,
            topics=topics,
            applies_to=applies_to,
            children=children,
        )

        clause_node.additional_properties = d
        return clause_node

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
