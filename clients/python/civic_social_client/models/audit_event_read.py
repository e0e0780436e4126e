from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_read_after_type_0 import AuditEventReadAfterType0
    from ..models.audit_event_read_before_type_0 import AuditEventReadBeforeType0


T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """
    Attributes:
        seq (int): Position in the chain, gapless from 1
        id (UUID):
        occurred_at (datetime.datetime):
        actor_kind (str):
        actor_id (str):
        actor_name (str):
        action (str):
        entity_type (str):
        entity_id (str):
        before (AuditEventReadBeforeType0 | None):
        after (AuditEventReadAfterType0 | None):
        request_id (None | str):
        prev_hash (str):
        hash_ (str):
    """

    seq: int
    id: UUID
    occurred_at: datetime.datetime
    actor_kind: str
    actor_id: str
    actor_name: str
    action: str
    entity_type: str
    entity_id: str
    before: AuditEventReadBeforeType0 | None
    after: AuditEventReadAfterType0 | None
    request_id: None | str
    prev_hash: str
    hash_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_read_after_type_0 import AuditEventReadAfterType0  # noqa: PLC0415
        from ..models.audit_event_read_before_type_0 import AuditEventReadBeforeType0  # noqa: PLC0415

        seq = self.seq

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        actor_kind = self.actor_kind

        actor_id = self.actor_id

        actor_name = self.actor_name

        action = self.action

        entity_type = self.entity_type

        entity_id = self.entity_id

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEventReadBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEventReadAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        request_id: None | str
        request_id = self.request_id

        prev_hash = self.prev_hash

        hash_ = self.hash_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "id": id,
                "occurred_at": occurred_at,
                "actor_kind": actor_kind,
                "actor_id": actor_id,
                "actor_name": actor_name,
                "action": action,
                "entity_type": entity_type,
                "entity_id": entity_id,
                "before": before,
                "after": after,
                "request_id": request_id,
                "prev_hash": prev_hash,
                "hash": hash_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_read_after_type_0 import AuditEventReadAfterType0  # noqa: PLC0415
        from ..models.audit_event_read_before_type_0 import AuditEventReadBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor_kind = d.pop("actor_kind")

        actor_id = d.pop("actor_id")

        actor_name = d.pop("actor_name")

        action = d.pop("action")

        entity_type = d.pop("entity_type")

        entity_id = d.pop("entity_id")

        def _parse_before(data: object) -> AuditEventReadBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventReadBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventReadBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> AuditEventReadAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventReadAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventReadAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        prev_hash = d.pop("prev_hash")

        hash_ = d.pop("hash")

        audit_event_read = cls(
            seq=seq,
            id=id,
            occurred_at=occurred_at,
            actor_kind=actor_kind,
            actor_id=actor_id,
            actor_name=actor_name,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            before=before,
            after=after,
            request_id=request_id,
            prev_hash=prev_hash,
            hash_=hash_,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
