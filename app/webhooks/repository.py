from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.core.db import fetch_page
from app.events.models import OutboxEvent
from app.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription


def add(session: Session, entity: WebhookSubscription | WebhookDelivery) -> None:
    session.add(entity)
    session.flush()


# Subscriptions ----------------------------------------------------------------------------


def get_subscription(
    session: Session, subscription_id: uuid.UUID, *, lock: bool = False
) -> WebhookSubscription | None:
    query = select(WebhookSubscription).where(WebhookSubscription.id == subscription_id)
    return session.scalars(query.with_for_update() if lock else query).first()


def list_subscriptions(
    session: Session, *, offset: int, limit: int
) -> tuple[Sequence[WebhookSubscription], int]:
    return fetch_page(
        session,
        select(WebhookSubscription),
        WebhookSubscription.created_at,
        WebhookSubscription.id,
        offset=offset,
        limit=limit,
    )


def _active_ids() -> Select[uuid.UUID]:
    return select(WebhookSubscription.id).where(WebhookSubscription.is_active.is_(True))


def active_subscriptions(session: Session) -> Sequence[WebhookSubscription]:
    return session.scalars(
        select(WebhookSubscription).where(WebhookSubscription.is_active.is_(True))
    ).all()


# Deliveries -------------------------------------------------------------------------------


def insert_deliveries(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(WebhookDelivery), rows)


def get_delivery(
    session: Session, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery | None:
    return session.scalars(
        select(WebhookDelivery).where(
            WebhookDelivery.id == delivery_id, WebhookDelivery.subscription_id == subscription_id
        )
    ).first()


def list_deliveries(
    session: Session,
    subscription_id: uuid.UUID,
    *,
    status: DeliveryStatus | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[WebhookDelivery], int]:
    query = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
    if status is not None:
        query = query.where(WebhookDelivery.status == status)
    return fetch_page(
        session,
        query,
        WebhookDelivery.created_at.desc(),
        WebhookDelivery.id,
        offset=offset,
        limit=limit,
    )


def claim_due(
    session: Session, worker: str, now: dt.datetime, lease_until: dt.datetime, limit: int
) -> Sequence[tuple[WebhookDelivery, OutboxEvent, WebhookSubscription]]:
    """Due deliveries nobody holds, claimed by ``worker`` until ``lease_until`` (PostgreSQL
    skips rows another worker is claiming; SQLite's writers take turns)."""
    due = session.scalars(
        select(WebhookDelivery)
        .where(
            WebhookDelivery.status == DeliveryStatus.PENDING,
            WebhookDelivery.next_attempt_at <= now,
            or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now),
            WebhookDelivery.subscription_id.in_(_active_ids()),
        )
        .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    if not due:
        return []
    for delivery in due:
        delivery.locked_by = worker
        delivery.locked_until = lease_until
    session.flush()
    events = {
        e.id: e
        for e in session.scalars(
            select(OutboxEvent).where(OutboxEvent.id.in_({d.event_id for d in due}))
        )
    }
    subscriptions = {
        s.id: s
        for s in session.scalars(
            select(WebhookSubscription).where(
                WebhookSubscription.id.in_({d.subscription_id for d in due})
            )
        )
    }
    return [(d, events[d.event_id], subscriptions[d.subscription_id]) for d in due]


def finish_attempt(
    session: Session, delivery_id: uuid.UUID, worker: str, values: dict[str, Any]
) -> bool:
    """Record an attempt if the worker still holds the claim (a lease that ran out may have
    passed it to another worker, whose result then counts)."""
    result = session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id, WebhookDelivery.locked_by == worker)
        .values(locked_by=None, locked_until=None, **values)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def pending_count(session: Session) -> int:
    """Deliveries still to send (those of paused subscriptions wait, and do not count)."""
    query = (
        select(func.count())
        .select_from(WebhookDelivery)
        .where(
            WebhookDelivery.status == DeliveryStatus.PENDING,
            WebhookDelivery.subscription_id.in_(_active_ids()),
        )
    )
    return session.scalar(query) or 0
