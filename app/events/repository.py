from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.events.models import OutboxEvent


def insert_event(session: Session, row: dict[str, Any]) -> None:
    # Core, not the ORM: an event is written with every announced change.
    session.execute(insert(OutboxEvent), [row])


def event_with_key(session: Session, dedup_key: str) -> uuid.UUID | None:
    return session.scalar(select(OutboxEvent.id).where(OutboxEvent.dedup_key == dedup_key))


def claim_undispatched(session: Session, limit: int) -> Sequence[OutboxEvent]:
    """The oldest events not yet taken, locked against other consumers (PostgreSQL skips
    rows another worker holds; SQLite's writers take turns)."""
    return session.scalars(
        select(OutboxEvent)
        .where(OutboxEvent.dispatched_at.is_(None))
        .order_by(OutboxEvent.occurred_at, OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()


def mark_dispatched(session: Session, ids: Sequence[uuid.UUID], at: dt.datetime) -> None:
    session.execute(update(OutboxEvent).where(OutboxEvent.id.in_(ids)).values(dispatched_at=at))


def undispatched_count(session: Session) -> int:
    query = select(func.count()).select_from(OutboxEvent).where(OutboxEvent.dispatched_at.is_(None))
    return session.scalar(query) or 0
