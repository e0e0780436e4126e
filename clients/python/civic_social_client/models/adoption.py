from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vote import Vote


T = TypeVar("T", bound="Adoption")


@_attrs_define
class Adoption:
    """How the version was adopted: by whom (the body), when, by which motion and vote.

    Attributes:
        adopted_on (datetime.date): The date of the decision
        body (str):
        reference (str): Motion, resolution or by-law number
        effective_from (datetime.date | None | Unset): When it takes effect; default: adopted_on
        meeting_on (datetime.date | None | Unset): The meeting's date
        vote (None | Unset | Vote):
    """

    adopted_on: datetime.date
    body: str
    reference: str
    effective_from: datetime.date | None | Unset = UNSET
    meeting_on: datetime.date | None | Unset = UNSET
    vote: None | Unset | Vote = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.vote import Vote  # noqa: PLC0415

        adopted_on = self.adopted_on.isoformat()

        body = self.body

        reference = self.reference

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        meeting_on: None | str | Unset
        if isinstance(self.meeting_on, Unset):
            meeting_on = UNSET
        elif isinstance(self.meeting_on, datetime.date):
            meeting_on = self.meeting_on.isoformat()
        else:
            meeting_on = self.meeting_on

        vote: dict[str, Any] | None | Unset
        if isinstance(self.vote, Unset):
            vote = UNSET
        elif isinstance(self.vote, Vote):
            vote = self.vote.to_dict()
        else:
            vote = self.vote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adopted_on": adopted_on,
                "body": body,
                "reference": reference,
            }
        )
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if meeting_on is not UNSET:
            field_dict["meeting_on"] = meeting_on
        if vote is not UNSET:
            field_dict["vote"] = vote

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vote import Vote  # noqa: PLC0415

        d = dict(src_dict)
        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        body = d.pop("body")

        reference = d.pop("reference")

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        def _parse_meeting_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_on_type_0 = datetime.date.fromisoformat(data)

                return meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        meeting_on = _parse_meeting_on(d.pop("meeting_on", UNSET))

        def _parse_vote(data: object) -> None | Unset | Vote:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vote_type_0 = Vote.from_dict(data)

                return vote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Vote, data)

        vote = _parse_vote(d.pop("vote", UNSET))

        adoption = cls(
            adopted_on=adopted_on,
            body=body,
            reference=reference,
            effective_from=effective_from,
            meeting_on=meeting_on,
            vote=vote,
        )

        return adoption
