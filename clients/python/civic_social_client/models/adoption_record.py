from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.adoption_record_vote_type_0 import AdoptionRecordVoteType0


T = TypeVar("T", bound="AdoptionRecord")


@_attrs_define
class AdoptionRecord:
    """
    Attributes:
        adopted_on (datetime.date):
        body (None | str):
        reference (None | str):
        meeting_on (datetime.date | None):
        vote (AdoptionRecordVoteType0 | None):
        recorded_by (None | str): Who recorded the adoption in this service
    """

    adopted_on: datetime.date
    body: None | str
    reference: None | str
    meeting_on: datetime.date | None
    vote: AdoptionRecordVoteType0 | None
    recorded_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.adoption_record_vote_type_0 import AdoptionRecordVoteType0  # noqa: PLC0415

        adopted_on = self.adopted_on.isoformat()

        body: None | str
        body = self.body

        reference: None | str
        reference = self.reference

        meeting_on: None | str
        if isinstance(self.meeting_on, datetime.date):
            meeting_on = self.meeting_on.isoformat()
        else:
            meeting_on = self.meeting_on

        vote: dict[str, Any] | None
        if isinstance(self.vote, AdoptionRecordVoteType0):
            vote = self.vote.to_dict()
        else:
            vote = self.vote

        recorded_by: None | str
        recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adopted_on": adopted_on,
                "body": body,
                "reference": reference,
                "meeting_on": meeting_on,
                "vote": vote,
                "recorded_by": recorded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.adoption_record_vote_type_0 import AdoptionRecordVoteType0  # noqa: PLC0415

        d = dict(src_dict)
        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        def _parse_meeting_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_on_type_0 = datetime.date.fromisoformat(data)

                return meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        meeting_on = _parse_meeting_on(d.pop("meeting_on"))

        def _parse_vote(data: object) -> AdoptionRecordVoteType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                vote_type_0 = AdoptionRecordVoteType0.from_dict(data)

                return vote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdoptionRecordVoteType0 | None, data)

        vote = _parse_vote(d.pop("vote"))

        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))

        adoption_record = cls(
            adopted_on=adopted_on,
            body=body,
            reference=reference,
            meeting_on=meeting_on,
            vote=vote,
            recorded_by=recorded_by,
        )

        adoption_record.additional_properties = d
        return adoption_record

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
