from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_item_result import BatchItemResult


T = TypeVar("T", bound="CompletionBatchResult")


@_attrs_define
class CompletionBatchResult:
    """
    Attributes:
        created (int):
        unchanged (int):
        refused (int):
        items (list[BatchItemResult]):
    """

    created: int
    unchanged: int
    refused: int
    items: list[BatchItemResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        unchanged = self.unchanged

        refused = self.refused

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "unchanged": unchanged,
                "refused": refused,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_result import BatchItemResult  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        unchanged = d.pop("unchanged")

        refused = d.pop("refused")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = BatchItemResult.from_dict(items_item_data)

            items.append(items_item)

        completion_batch_result = cls(
            created=created,
            unchanged=unchanged,
            refused=refused,
            items=items,
        )

        completion_batch_result.additional_properties = d
        return completion_batch_result

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
