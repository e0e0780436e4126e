from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaIn")


@_attrs_define
class MediaIn:
    """
    Attributes:
        kind (str): image, photo, video, audio, document...
        alt_text (None | str | Unset):
        consent_recorded (bool | None | Unset): Consent of the people shown is on file
        depicts_minors (bool | None | Unset):
    """

    kind: str
    alt_text: None | str | Unset = UNSET
    consent_recorded: bool | None | Unset = UNSET
    depicts_minors: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        alt_text: None | str | Unset
        if isinstance(self.alt_text, Unset):
            alt_text = UNSET
        else:
            alt_text = self.alt_text

        consent_recorded: bool | None | Unset
        if isinstance(self.consent_recorded, Unset):
            consent_recorded = UNSET
        else:
            consent_recorded = self.consent_recorded

        depicts_minors: bool | None | Unset
        if isinstance(self.depicts_minors, Unset):
            depicts_minors = UNSET
        else:
            depicts_minors = self.depicts_minors

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if alt_text is not UNSET:
            field_dict["alt_text"] = alt_text
        if consent_recorded is not UNSET:
            field_dict["consent_recorded"] = consent_recorded
        if depicts_minors is not UNSET:
            field_dict["depicts_minors"] = depicts_minors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_alt_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alt_text = _parse_alt_text(d.pop("alt_text", UNSET))

        def _parse_consent_recorded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        consent_recorded = _parse_consent_recorded(d.pop("consent_recorded", UNSET))

        def _parse_depicts_minors(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        depicts_minors = _parse_depicts_minors(d.pop("depicts_minors", UNSET))

        media_in = cls(
            kind=kind,
            alt_text=alt_text,
            consent_recorded=consent_recorded,
            depicts_minors=depicts_minors,
        )

        return media_in
