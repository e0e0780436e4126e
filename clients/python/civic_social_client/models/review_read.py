from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category
from ..models.content_kind import ContentKind
from ..models.decision import Decision
from ..models.review_outcome import ReviewOutcome
from ..models.review_status import ReviewStatus

T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """
    Attributes:
        id (UUID):
        screening_id (UUID):
        kind (ContentKind): What is being screened: a staff draft (post or reply) or a public comment.
        account_id (None | UUID):
        status (ReviewStatus):
        opened_at (datetime.datetime):
        engine_decision (Decision):
        categories (list[Category]):
        outcome (None | ReviewOutcome):
        final_decision (Decision | None):
        reason (None | str):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        version (int):
    """

    id: UUID
    screening_id: UUID
    kind: ContentKind
    account_id: None | UUID
    status: ReviewStatus
    opened_at: datetime.datetime
    engine_decision: Decision
    categories: list[Category]
    outcome: None | ReviewOutcome
    final_decision: Decision | None
    reason: None | str
    decided_by: None | str
    decided_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        screening_id = str(self.screening_id)

        kind = self.kind.value

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        status = self.status.value

        opened_at = self.opened_at.isoformat()

        engine_decision = self.engine_decision.value

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        outcome: None | str
        if isinstance(self.outcome, ReviewOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        final_decision: None | str
        if isinstance(self.final_decision, Decision):
            final_decision = self.final_decision.value
        else:
            final_decision = self.final_decision

        reason: None | str
        reason = self.reason

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "screening_id": screening_id,
                "kind": kind,
                "account_id": account_id,
                "status": status,
                "opened_at": opened_at,
                "engine_decision": engine_decision,
                "categories": categories,
                "outcome": outcome,
                "final_decision": final_decision,
                "reason": reason,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        screening_id = UUID(d.pop("screening_id"))

        kind = ContentKind(d.pop("kind"))

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        status = ReviewStatus(d.pop("status"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        engine_decision = Decision(d.pop("engine_decision"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = Category(categories_item_data)

            categories.append(categories_item)

        def _parse_outcome(data: object) -> None | ReviewOutcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ReviewOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewOutcome, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_final_decision(data: object) -> Decision | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                final_decision_type_0 = Decision(data)

                return final_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decision | None, data)

        final_decision = _parse_final_decision(d.pop("final_decision"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        version = d.pop("version")

        review_read = cls(
            id=id,
            screening_id=screening_id,
            kind=kind,
            account_id=account_id,
            status=status,
            opened_at=opened_at,
            engine_decision=engine_decision,
            categories=categories,
            outcome=outcome,
            final_decision=final_decision,
            reason=reason,
            decided_by=decided_by,
            decided_at=decided_at,
            version=version,
        )

        review_read.additional_properties = d
        return review_read

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
