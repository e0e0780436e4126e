"""The audit trail: every change records exactly one event, in the change's transaction, and
the changes the event catalogue lists are announced to subscribers in it too."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import repository
from app.audit.chain import GENESIS_HASH, event_hash
from app.audit.errors import AuditEventNotFound
from app.audit.models import AuditEvent
from app.audit.schemas import ChainVerification
from app.core.actor import Actor
from app.core.context import current_request_id
from app.core.db import utcnow
from app.core.pagination import PageParams
from app.events import service as events


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> int:
    """Append one event to the chain and return its sequence number. Call it last in a
    service function: the chain head stays locked from here until the transaction ends."""
    repository.lock_chain_head(session)
    head = repository.chain_head(session)
    seq, prev_hash = (1, GENESIS_HASH) if head is None else (head[0] + 1, head[1])
    fields: dict[str, Any] = {
        "seq": seq,
        "occurred_at": utcnow(),
        "actor_kind": actor.kind.value,
        "actor_id": actor.id,
        "actor_name": actor.name,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "before": before,
        "after": after,
        "request_id": current_request_id(),
        "prev_hash": prev_hash,
    }
    digest = event_hash(**fields)
    repository.append(session, {**fields, "id": uuid.uuid4(), "hash": digest})
    # The changes other systems subscribe to are announced in this same transaction.
    events.announce_change(session, action, entity_type, str(entity_id), after, seq)
    return seq


def get_event(session: Session, seq: int) -> AuditEvent:
    event = repository.get(session, seq)
    if event is None:
        raise AuditEventNotFound(f"No audit event has sequence number {seq}.")
    return event


def list_events(
    session: Session,
    params: PageParams,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor_id: str | None = None,
    action: str | None = None,
    request_id: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> tuple[Sequence[AuditEvent], int]:
    return repository.list_events(
        session,
        entity_type=entity_type,
        entity_id=entity_id,
        actor_id=actor_id,
        action=action,
        request_id=request_id,
        since=since,
        until=until,
        offset=params.offset,
        limit=params.page_size,
    )


def verify_chain(session: Session) -> ChainVerification:
    """Recompute every hash and link; report the first event that does not hold."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for event in repository.iterate_chain(session):
        reason = None
        if event.seq != expected_seq:
            reason = f"sequence gap: expected {expected_seq}, found {event.seq}"
        elif event.prev_hash != prev_hash:
            reason = "link broken: prev_hash is not the previous event's hash"
        elif event.hash != event_hash(
            seq=event.seq,
            occurred_at=event.occurred_at,
            actor_kind=event.actor_kind,
            actor_id=event.actor_id,
            actor_name=event.actor_name,
            action=event.action,
            entity_type=event.entity_type,
            entity_id=event.entity_id,
            before=event.before,
            after=event.after,
            request_id=event.request_id,
            prev_hash=event.prev_hash,
        ):
            reason = "content altered: the stored hash does not match the event"
        if reason is not None:
            return ChainVerification(
                valid=False,
                events_checked=checked,
                head_seq=expected_seq - 1 if checked else None,
                head_hash=prev_hash if checked else None,
                first_broken_seq=expected_seq if "gap" in reason else event.seq,
                reason=reason,
            )
        checked += 1
        expected_seq, prev_hash = event.seq + 1, event.hash
    return ChainVerification(
        valid=True,
        events_checked=checked,
        head_seq=expected_seq - 1 if checked else None,
        head_hash=prev_hash if checked else None,
        first_broken_seq=None,
        reason=None,
    )
