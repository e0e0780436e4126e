from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.clause_kind import ClauseKind
from ..models.covered_person_type import CoveredPersonType
from ..models.policy_role import PolicyRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClauseUpdate")


@_attrs_define
class ClauseUpdate:
    """
    Attributes:
        title (None | str | Unset):
        text (str | Unset):
        kind (ClauseKind | Unset):
        term (None | str | Unset):
        role (None | PolicyRole | Unset):
        topics (list[str] | Unset):
        applies_to (list[CoveredPersonType] | Unset):
    """

    title: None | str | Unset = UNSET
    text: str | Unset = UNSET
    kind: ClauseKind | Unset = UNSET
    term: None | str | Unset = UNSET
    role: None | PolicyRole | Unset = UNSET
    topics: list[str] | Unset = UNSET
    applies_to: list[CoveredPersonType] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        text = self.text

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        term: None | str | Unset
        if isinstance(self.term, Unset):
            term = UNSET
        else:
            term = self.term

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, PolicyRole):
            role = self.role.value
        else:
            role = self.role

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        applies_to: list[str] | Unset = UNSET
        if not isinstance(self.applies_to, Unset):
            applies_to = []
            for applies_to_item_data in self.applies_to:
                applies_to_item = applies_to_item_data.value
                applies_to.append(applies_to_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if text is not UNSET:
            field_dict["text"] = text
        if kind is not UNSET:
            field_dict["kind"] = kind
        if term is not UNSET:
            field_dict["term"] = term
        if role is not UNSET:
            field_dict["role"] = role
        if topics is not UNSET:
            field_dict["topics"] = topics
        if applies_to is not UNSET:
            field_dict["applies_to"] = applies_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        text = d.pop("text", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ClauseKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ClauseKind(_kind)

        def _parse_term(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        term = _parse_term(d.pop("term", UNSET))

        def _parse_role(data: object) -> None | PolicyRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = PolicyRole(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PolicyRole | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        topics = cast(list[str], d.pop("topics", UNSET))

        _applies_to = d.pop("applies_to", UNSET)
        applies_to: list[CoveredPersonType] | Unset = UNSET
        if _applies_to is not UNSET:
            applies_to = []
            for applies_to_item_data in _applies_to:
                applies_to_item = CoveredPersonType(applies_to_item_data)

                applies_to.append(applies_to_item)

        clause_update = cls(
            title=title,
            text=text,
            kind=kind,
            term=term,
            role=role,
            topics=topics,
            applies_to=applies_to,
        )

        return clause_update
