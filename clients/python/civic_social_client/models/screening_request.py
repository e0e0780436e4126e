from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.content_kind import ContentKind
from ..models.platform import Platform
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.media_in import MediaIn


T = TypeVar("T", bound="ScreeningRequest")


@_attrs_define
class ScreeningRequest:
    """
    Attributes:
        text (str): The text to screen, exactly as it will be published (offsets in findings refer to it). At most
            10,000 characters unless the service is configured otherwise.
        kind (ContentKind): What is being screened: a staff draft (post or reply) or a public comment.
        account_id (None | Unset | UUID): The official account it is for or was posted on
        platform (None | Platform | Unset):
        at (datetime.datetime | None | Unset): When it will be (or was) published; decides the policy version and
            election period that apply. Default: now.
        emergency (bool | Unset): The draft carries emergency information Default: False.
        media (list[MediaIn] | Unset):
    """

    text: str
    kind: ContentKind
    account_id: None | Unset | UUID = UNSET
    platform: None | Platform | Unset = UNSET
    at: datetime.datetime | None | Unset = UNSET
    emergency: bool | Unset = False
    media: list[MediaIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        kind = self.kind.value

        account_id: None | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        elif isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        platform: None | str | Unset
        if isinstance(self.platform, Unset):
            platform = UNSET
        elif isinstance(self.platform, Platform):
            platform = self.platform.value
        else:
            platform = self.platform

        at: None | str | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        elif isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        emergency = self.emergency

        media: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = []
            for media_item_data in self.media:
                media_item = media_item_data.to_dict()
                media.append(media_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "kind": kind,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if platform is not UNSET:
            field_dict["platform"] = platform
        if at is not UNSET:
            field_dict["at"] = at
        if emergency is not UNSET:
            field_dict["emergency"] = emergency
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.media_in import MediaIn  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        kind = ContentKind(d.pop("kind"))

        def _parse_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        account_id = _parse_account_id(d.pop("account_id", UNSET))

        def _parse_platform(data: object) -> None | Platform | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                platform_type_0 = Platform(data)

                return platform_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Platform | Unset, data)

        platform = _parse_platform(d.pop("platform", UNSET))

        def _parse_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))

        emergency = d.pop("emergency", UNSET)

        _media = d.pop("media", UNSET)
        media: list[MediaIn] | Unset = UNSET
        if _media is not UNSET:
            media = []
            for media_item_data in _media:
                media_item = MediaIn.from_dict(media_item_data)

                media.append(media_item)

        screening_request = cls(
            text=text,
            kind=kind,
            account_id=account_id,
            platform=platform,
            at=at,
            emergency=emergency,
            media=media,
        )

        return screening_request
