from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.core.db import fetch_page

# Any constant: the key of the PostgreSQL advisory lock that serialises the chain head.
_CHAIN_LOCK_KEY = 0x6369766963  # "civic"


# Statements built once: every change appends an event (bench/).
_LOCK_CHAIN = text("SELECT pg_advisory_xact_lock(:key)")
_CHAIN_HEAD = select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
_APPEND = insert(AuditEvent)


def lock_chain_head(session: Session) -> None:
    """Serialise appends until this transaction ends. SQLite writers already hold the
    database write lock (BEGIN IMMEDIATE), so only PostgreSQL needs the advisory lock."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(_LOCK_CHAIN, {"key": _CHAIN_LOCK_KEY})


def chain_head(session: Session) -> tuple[int, str] | None:
    row = session.execute(_CHAIN_HEAD).first()
    return None if row is None else (row[0], row[1])


def append(session: Session, event: dict[str, Any]) -> None:
    """Insert one event (a Core insert: no ORM object is needed for an append-only row)."""
    session.execute(_APPEND, event)


def get(session: Session, seq: int) -> AuditEvent | None:
    return session.get(AuditEvent, seq)


def list_events(
    session: Session,
    *,
    entity_type: str | None,
    entity_id: str | None,
    actor_id: str | None,
    action: str | None,
    request_id: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[AuditEvent], int]:
    query = select(AuditEvent)
    if entity_type is not None:
        query = query.where(AuditEvent.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEvent.entity_id == entity_id)
    if actor_id is not None:
        query = query.where(AuditEvent.actor_id == actor_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    if request_id is not None:
        query = query.where(AuditEvent.request_id == request_id)
    if since is not None:
        query = query.where(AuditEvent.occurred_at >= since)
    if until is not None:
        query = query.where(AuditEvent.occurred_at < until)
    return fetch_page(session, query, AuditEvent.seq, offset=offset, limit=limit)


def iterate_chain(session: Session, batch_size: int = 1000) -> Iterator[AuditEvent]:
    """Every event in sequence order, a batch at a time (keyset paging, bounded memory)."""
    after = 0
    while True:
        batch = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.seq > after)
            .order_by(AuditEvent.seq)
            .limit(batch_size)
        ).all()
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
        session.expunge_all()
