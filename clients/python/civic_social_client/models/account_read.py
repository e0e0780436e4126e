from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..models.official_account_kind import OfficialAccountKind
from ..models.platform import Platform

if TYPE_CHECKING:
    from ..models.account_security import AccountSecurity


T = TypeVar("T", bound="AccountRead")


@_attrs_define
class AccountRead:
    """
    Attributes:
        id (UUID):
        platform (Platform):
        handle (str):
        url (str):
        display_name (str):
        department_id (UUID):
        kind (OfficialAccountKind):
        purpose (str):
        audience (str):
        approved_emergency_channel (bool):
        status (AccountStatus):
        status_changed_at (datetime.datetime):
        status_reason (None | str):
        business_need (str):
        content_plan (str):
        moderation_plan (str):
        records_retention_acknowledged (bool):
        named_publisher_ids (list[UUID]):
        backup_publisher_id (UUID):
        requested_by (str):
        requested_by_person_id (None | UUID):
        requested_at (datetime.datetime):
        decided_by (None | str):
        decided_by_person_id (None | UUID):
        decided_at (datetime.datetime | None):
        decision_reason (None | str):
        security (AccountSecurity):
        last_activity_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    platform: Platform
    handle: str
    url: str
    display_name: str
    department_id: UUID
    kind: OfficialAccountKind
    purpose: str
    audience: str
    approved_emergency_channel: bool
    status: AccountStatus
    status_changed_at: datetime.datetime
    status_reason: None | str
    business_need: str
    content_plan: str
    moderation_plan: str
    records_retention_acknowledged: bool
    named_publisher_ids: list[UUID]
    backup_publisher_id: UUID
    requested_by: str
    requested_by_person_id: None | UUID
    requested_at: datetime.datetime
    decided_by: None | str
    decided_by_person_id: None | UUID
    decided_at: datetime.datetime | None
    decision_reason: None | str
    security: AccountSecurity
    last_activity_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        platform = self.platform.value

        handle = self.handle

        url = self.url

        display_name = self.display_name

        department_id = str(self.department_id)

        kind = self.kind.value

        purpose = self.purpose

        audience = self.audience

        approved_emergency_channel = self.approved_emergency_channel

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        status_reason: None | str
        status_reason = self.status_reason

        business_need = self.business_need

        content_plan = self.content_plan

        moderation_plan = self.moderation_plan

        records_retention_acknowledged = self.records_retention_acknowledged

        named_publisher_ids = []
        for named_publisher_ids_item_data in self.named_publisher_ids:
            named_publisher_ids_item = str(named_publisher_ids_item_data)
            named_publisher_ids.append(named_publisher_ids_item)

        backup_publisher_id = str(self.backup_publisher_id)

        requested_by = self.requested_by

        requested_by_person_id: None | str
        if isinstance(self.requested_by_person_id, UUID):
            requested_by_person_id = str(self.requested_by_person_id)
        else:
            requested_by_person_id = self.requested_by_person_id

        requested_at = self.requested_at.isoformat()

        decided_by: None | str
        decided_by = self.decided_by

        decided_by_person_id: None | str
        if isinstance(self.decided_by_person_id, UUID):
            decided_by_person_id = str(self.decided_by_person_id)
        else:
            decided_by_person_id = self.decided_by_person_id

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_reason: None | str
        decision_reason = self.decision_reason

        security = self.security.to_dict()

        last_activity_at: None | str
        if isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "platform": platform,
                "handle": handle,
                "url": url,
                "display_name": display_name,
                "department_id": department_id,
                "kind": kind,
                "purpose": purpose,
                "audience": audience,
                "approved_emergency_channel": approved_emergency_channel,
                "status": status,
                "status_changed_at": status_changed_at,
                "status_reason": status_reason,
                "business_need": business_need,
                "content_plan": content_plan,
                "moderation_plan": moderation_plan,
                "records_retention_acknowledged": records_retention_acknowledged,
                "named_publisher_ids": named_publisher_ids,
                "backup_publisher_id": backup_publisher_id,
                "requested_by": requested_by,
                "requested_by_person_id": requested_by_person_id,
                "requested_at": requested_at,
                "decided_by": decided_by,
                "decided_by_person_id": decided_by_person_id,
                "decided_at": decided_at,
                "decision_reason": decision_reason,
                "security": security,
                "last_activity_at": last_activity_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_security import AccountSecurity  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        platform = Platform(d.pop("platform"))

        handle = d.pop("handle")

        url = d.pop("url")

        display_name = d.pop("display_name")

        department_id = UUID(d.pop("department_id"))

        kind = OfficialAccountKind(d.pop("kind"))

        purpose = d.pop("purpose")

        audience = d.pop("audience")

        approved_emergency_channel = d.pop("approved_emergency_channel")

        status = AccountStatus(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        business_need = d.pop("business_need")

        content_plan = d.pop("content_plan")

        moderation_plan = d.pop("moderation_plan")

        records_retention_acknowledged = d.pop("records_retention_acknowledged")

        named_publisher_ids = []
        _named_publisher_ids = d.pop("named_publisher_ids")
        for named_publisher_ids_item_data in _named_publisher_ids:
            named_publisher_ids_item = UUID(named_publisher_ids_item_data)

            named_publisher_ids.append(named_publisher_ids_item)

        backup_publisher_id = UUID(d.pop("backup_publisher_id"))

        requested_by = d.pop("requested_by")

        def _parse_requested_by_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_by_person_id_type_0 = UUID(data)

                return requested_by_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        requested_by_person_id = _parse_requested_by_person_id(d.pop("requested_by_person_id"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_by_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_person_id_type_0 = UUID(data)

                return decided_by_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by_person_id = _parse_decided_by_person_id(d.pop("decided_by_person_id"))

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

        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))

        security = AccountSecurity.from_dict(d.pop("security"))

        def _parse_last_activity_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        account_read = cls(
            id=id,
            platform=platform,
            handle=handle,
            url=url,
            display_name=display_name,
            department_id=department_id,
            kind=kind,
            purpose=purpose,
            audience=audience,
            approved_emergency_channel=approved_emergency_channel,
            status=status,
            status_changed_at=status_changed_at,
            status_reason=status_reason,
            business_need=business_need,
            content_plan=content_plan,
            moderation_plan=moderation_plan,
            records_retention_acknowledged=records_retention_acknowledged,
            named_publisher_ids=named_publisher_ids,
            backup_publisher_id=backup_publisher_id,
            requested_by=requested_by,
            requested_by_person_id=requested_by_person_id,
            requested_at=requested_at,
            decided_by=decided_by,
            decided_by_person_id=decided_by_person_id,
            decided_at=decided_at,
            decision_reason=decision_reason,
            security=security,
            last_activity_at=last_activity_at,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        account_read.additional_properties = d
        return account_read

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
