from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.clause_kind import ClauseKind
from ..models.covered_person_type import CoveredPersonType
from ..models.policy_role import PolicyRole

T = TypeVar("T", bound="ClauseRead")


@_attrs_define
class ClauseRead:
    """
    Attributes:
        id (UUID):
        policy_id (UUID):
        version_id (UUID):
        version_label (str):
        ref (str):
        parent_ref (None | str):
        position (int):
        title (None | str):
        text (str):
        kind (ClauseKind):
        term (None | str):
        role (None | PolicyRole):
        topics (list[str]):
        applies_to (list[CoveredPersonType]):
        version (int):
    """

    id: UUID
    policy_id: UUID
    version_id: UUID
    version_label: str
    ref: str
    parent_ref: None | str
    position: int
    title: None | str
    text: str
    kind: ClauseKind
    term: None | str
    role: None | PolicyRole
    topics: list[str]
    applies_to: list[CoveredPersonType]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        policy_id = str(self.policy_id)

        version_id = str(self.version_id)

        version_label = self.version_label

        ref = self.ref

        parent_ref: None | str
        parent_ref = self.parent_ref

        position = self.position

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

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "version_id": version_id,
                "version_label": version_label,
                "ref": ref,
                "parent_ref": parent_ref,
                "position": position,
                "title": title,
                "text": text,
                "kind": kind,
                "term": term,
                "role": role,
                "topics": topics,
                "applies_to": applies_to,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        policy_id = UUID(d.pop("policy_id"))

        version_id = UUID(d.pop("version_id"))

        version_label = d.pop("version_label")

        ref = d.pop("ref")

        def _parse_parent_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_ref = _parse_parent_ref(d.pop("parent_ref"))

        position = d.pop("position")

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

        version = d.pop("version")

        clause_read = cls(
            id=id,
            policy_id=policy_id,
            version_id=version_id,
            version_label=version_label,
            ref=ref,
            parent_ref=parent_ref,
            position=position,
            title=title,
            text=text,
            kind=kind,
            term=term,
            role=role,
            topics=topics,
            applies_to=applies_to,
            version=version,
        )

        clause_read.additional_properties = d
        return clause_read

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
