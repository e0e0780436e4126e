from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.clause_brief import ClauseBrief
    from ..models.clause_change_read import ClauseChangeRead
    from ..models.field_change_read import FieldChangeRead
    from ..models.version_summary import VersionSummary


T = TypeVar("T", bound="VersionDiff")


@_attrs_define
class VersionDiff:
    """
    Attributes:
        policy_id (UUID):
        from_version (VersionSummary):
        to_version (VersionSummary):
        metadata (list[FieldChangeRead]): Changed version fields
        added (list[ClauseBrief]):
        removed (list[ClauseBrief]):
        changed (list[ClauseChangeRead]): Same reference, changed content
        moved (list[ClauseChangeRead]): Content found under another reference
        unchanged (int):
    """

    policy_id: UUID
    from_version: VersionSummary
    to_version: VersionSummary
    metadata: list[FieldChangeRead]
    added: list[ClauseBrief]
    removed: list[ClauseBrief]
    changed: list[ClauseChangeRead]
    moved: list[ClauseChangeRead]
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = str(self.policy_id)

        from_version = self.from_version.to_dict()

        to_version = self.to_version.to_dict()

        metadata = []
        for metadata_item_data in self.metadata:
            metadata_item = metadata_item_data.to_dict()
            metadata.append(metadata_item)

        added = []
        for added_item_data in self.added:
            added_item = added_item_data.to_dict()
            added.append(added_item)

        removed = []
        for removed_item_data in self.removed:
            removed_item = removed_item_data.to_dict()
            removed.append(removed_item)

        changed = []
        for changed_item_data in self.changed:
            changed_item = changed_item_data.to_dict()
            changed.append(changed_item)

        moved = []
        for moved_item_data in self.moved:
            moved_item = moved_item_data.to_dict()
            moved.append(moved_item)

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "from_version": from_version,
                "to_version": to_version,
                "metadata": metadata,
                "added": added,
                "removed": removed,
                "changed": changed,
                "moved": moved,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clause_brief import ClauseBrief  # noqa: PLC0415
        from ..models.clause_change_read import ClauseChangeRead  # noqa: PLC0415
        from ..models.field_change_read import FieldChangeRead  # noqa: PLC0415
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        d = dict(src_dict)
        policy_id = UUID(d.pop("policy_id"))

        from_version = VersionSummary.from_dict(d.pop("from_version"))

        to_version = VersionSummary.from_dict(d.pop("to_version"))

        metadata = []
        _metadata = d.pop("metadata")
        for metadata_item_data in _metadata:
            metadata_item = FieldChangeRead.from_dict(metadata_item_data)

            metadata.append(metadata_item)

        added = []
        _added = d.pop("added")
        for added_item_data in _added:
            added_item = ClauseBrief.from_dict(added_item_data)

            added.append(added_item)

        removed = []
        _removed = d.pop("removed")
        for removed_item_data in _removed:
            removed_item = ClauseBrief.from_dict(removed_item_data)

            removed.append(removed_item)

        changed = []
        _changed = d.pop("changed")
        for changed_item_data in _changed:
            changed_item = ClauseChangeRead.from_dict(changed_item_data)

            changed.append(changed_item)

        moved = []
        _moved = d.pop("moved")
        for moved_item_data in _moved:
            moved_item = ClauseChangeRead.from_dict(moved_item_data)

            moved.append(moved_item)

        unchanged = d.pop("unchanged")

        version_diff = cls(
            policy_id=policy_id,
            from_version=from_version,
            to_version=to_version,
            metadata=metadata,
            added=added,
            removed=removed,
            changed=changed,
            moved=moved,
            unchanged=unchanged,
        )

        version_diff.additional_properties = d
        return version_diff

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
