"""Publishing events to the outbox.

Every domain announces through ``publish`` (or through the audit trail, which announces the
changes the catalogue lists): the event is a row written in the change's own transaction,
so a change that is rolled back announces nothing, and one that commits is delivered by the
webhook worker at least once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.core.context import current_request_id
from app.core.db import utcnow
from app.events import repository
from app.events.catalogue import AUDITED, EVENT_TYPES
from app.events.models import OutboxEvent


def publish(
    session: Session, event_type: str, data: dict[str, Any], *, dedup_key: str | None = None
) -> uuid.UUID | None:
    """Write an event to the outbox in the caller's transaction; its id (the webhook-id),
    or None when ``dedup_key`` was announced before."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"{event_type!r} is not in the event catalogue")
    if dedup_key is not None and repository.event_with_key(session, dedup_key) is not None:
        return None
    event_id = uuid.uuid4()
    occurred_at = utcnow()
    repository.insert_event(
        session,
        {
            "id": event_id,
            "type": event_type,
            "occurred_at": occurred_at,
            # The Standard Webhooks payload: type, timestamp, data.
            "payload": {
                "type": event_type,
                "timestamp": occurred_at.isoformat().replace("+00:00", "Z"),
                "data": data,
            },
            "dedup_key": dedup_key,
            "request_id": current_request_id(),
            "dispatched_at": None,
        },
    )
    return event_id


def announce_change(
    session: Session,
    action: str,
    entity_type: str,
    entity_id: str,
    after: dict[str, Any] | None,
    audit_seq: int,
) -> None:
    """Called by the audit trail for every change: those the catalogue lists become events,
    with the entity's state after the change and the audit entry to look it up by."""
    event_type = AUDITED.get(action)
    if event_type is None:
        return
    data: dict[str, Any] = {
        "id": entity_id,
        "entity_type": entity_type,
        "change": action,
        "audit_seq": audit_seq,
    }
    if after is not None:
        data["state"] = after
    publish(session, event_type, data)


def take_undispatched(session: Session, limit: int) -> Sequence[OutboxEvent]:
    """Events no consumer has taken yet, locked until the caller's transaction ends; mark
    them with ``mark_taken`` in that transaction."""
    return repository.claim_undispatched(session, limit)


def mark_taken(session: Session, ids: Sequence[uuid.UUID], at: dt.datetime | None = None) -> None:
    repository.mark_dispatched(session, ids, at or utcnow())


def untaken_count(session: Session) -> int:
    return repository.undispatched_count(session)
