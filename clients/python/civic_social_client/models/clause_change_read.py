from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.field_change_read import FieldChangeRead
    from ..models.word_change import WordChange


T = TypeVar("T", bound="ClauseChangeRead")


@_attrs_define
class ClauseChangeRead:
    """
    Attributes:
        before_ref (str):
        after_ref (str):
        title (None | str):
        fields (list[FieldChangeRead]):
        title_diff (list[WordChange] | None):
        text_diff (list[WordChange] | None):
        similarity (float):
    """

    before_ref: str
    after_ref: str
    title: None | str
    fields: list[FieldChangeRead]
    title_diff: list[WordChange] | None
    text_diff: list[WordChange] | None
    similarity: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        before_ref = self.before_ref

        after_ref = self.after_ref

        title: None | str
        title = self.title

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        title_diff: list[dict[str, Any]] | None
        if isinstance(self.title_diff, list):
            title_diff = []
            for title_diff_type_0_item_data in self.title_diff:
                title_diff_type_0_item = title_diff_type_0_item_data.to_dict()
                title_diff.append(title_diff_type_0_item)

        else:
            title_diff = self.title_diff

        text_diff: list[dict[str, Any]] | None
        if isinstance(self.text_diff, list):
            text_diff = []
            for text_diff_type_0_item_data in self.text_diff:
                text_diff_type_0_item = text_diff_type_0_item_data.to_dict()
                text_diff.append(text_diff_type_0_item)

        else:
            text_diff = self.text_diff

        similarity = self.similarity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "before_ref": before_ref,
                "after_ref": after_ref,
                "title": title,
                "fields": fields,
                "title_diff": title_diff,
                "text_diff": text_diff,
                "similarity": similarity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change_read import FieldChangeRead  # noqa: PLC0415
        from ..models.word_change import WordChange  # noqa: PLC0415

        d = dict(src_dict)
        before_ref = d.pop("before_ref")

        after_ref = d.pop("after_ref")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = FieldChangeRead.from_dict(fields_item_data)

            fields.append(fields_item)

        def _parse_title_diff(data: object) -> list[WordChange] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                title_diff_type_0 = []
                _title_diff_type_0 = data
                for title_diff_type_0_item_data in _title_diff_type_0:
                    title_diff_type_0_item = WordChange.from_dict(title_diff_type_0_item_data)

                    title_diff_type_0.append(title_diff_type_0_item)

                return title_diff_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WordChange] | None, data)

        title_diff = _parse_title_diff(d.pop("title_diff"))

        def _parse_text_diff(data: object) -> list[WordChange] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                text_diff_type_0 = []
                _text_diff_type_0 = data
                for text_diff_type_0_item_data in _text_diff_type_0:
                    text_diff_type_0_item = WordChange.from_dict(text_diff_type_0_item_data)

                    text_diff_type_0.append(text_diff_type_0_item)

                return text_diff_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WordChange] | None, data)

        text_diff = _parse_text_diff(d.pop("text_diff"))

        similarity = d.pop("similarity")

        clause_change_read = cls(
            before_ref=before_ref,
            after_ref=after_ref,
            title=title,
            fields=fields,
            title_diff=title_diff,
            text_diff=text_diff,
            similarity=similarity,
        )

        clause_change_read.additional_properties = d
        return clause_change_read

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
