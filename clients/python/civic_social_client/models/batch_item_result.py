from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_item_result_problem_type_0 import BatchItemResultProblemType0
    from ..models.completion_read import CompletionRead


T = TypeVar("T", bound="BatchItemResult")


@_attrs_define
class BatchItemResult:
    """
    Attributes:
        index (int):
        outcome (str): created, unchanged (a resend) or refused
        completion (CompletionRead | None | Unset):
        problem (BatchItemResultProblemType0 | None | Unset): Why the item was refused: a problem document's members
    """

    index: int
    outcome: str
    completion: CompletionRead | None | Unset = UNSET
    problem: BatchItemResultProblemType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_result_problem_type_0 import BatchItemResultProblemType0  # noqa: PLC0415
        from ..models.completion_read import CompletionRead  # noqa: PLC0415

        index = self.index

        outcome = self.outcome

        completion: dict[str, Any] | None | Unset
        if isinstance(self.completion, Unset):
            completion = UNSET
        elif isinstance(self.completion, CompletionRead):
            completion = self.completion.to_dict()
        else:
            completion = self.completion

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, BatchItemResultProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "outcome": outcome,
            }
        )
        if completion is not UNSET:
            field_dict["completion"] = completion
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_result_problem_type_0 import BatchItemResultProblemType0  # noqa: PLC0415
        from ..models.completion_read import CompletionRead  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        outcome = d.pop("outcome")

        def _parse_completion(data: object) -> CompletionRead | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                completion_type_0 = CompletionRead.from_dict(data)

                return completion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompletionRead | None | Unset, data)

        completion = _parse_completion(d.pop("completion", UNSET))

        def _parse_problem(data: object) -> BatchItemResultProblemType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = BatchItemResultProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchItemResultProblemType0 | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        batch_item_result = cls(
            index=index,
            outcome=outcome,
            completion=completion,
            problem=problem,
        )

        batch_item_result.additional_properties = d
        return batch_item_result

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
