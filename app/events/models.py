"""The outbox."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, utcnow


class OutboxEvent(Base):
    """Something that happened, written in the same transaction as the change itself: a
    change that rolls back leaves no event. Consumers (the webhook worker) take each one
    once (``dispatched_at``)."""

    __tablename__ = "outbox_events"
    __table_args__ = (
        Index(
            "ix_outbox_events_undispatched",
            "occurred_at",
            sqlite_where=text("dispatched_at IS NULL"),
            postgresql_where=text("dispatched_at IS NULL"),
        ),
        Index(None, "type", "occurred_at"),
    )

    # Sent as the webhook-id header: a receiver recognises a second delivery by it.
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Events announced by a sweep carry a key, so that running it again announces nothing new.
    dedup_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    request_id: Mapped[str | None] = mapped_column(String(64))
    dispatched_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
