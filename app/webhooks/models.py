"""Subscriptions, and the delivery of each event to each of them."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, sql_in, utcnow


class WebhookSubscription(Base):
    """A city system's endpoint and the event types it wants. Its signing secret is kept
    encrypted (the worker must sign with it) and shown once, when created or rotated."""

    __tablename__ = "webhook_subscriptions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(String(500))
    # Event types, or ["*"] for every type.
    event_types: Mapped[list[str]] = mapped_column(JSON)
    secret_encrypted: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    secret_rotated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its next attempt
    DELIVERED = "delivered"
    DEAD = "dead"  # every attempt failed: kept for a person to look at and send again


class WebhookDelivery(Base):
    """One event on its way to one subscription: its attempts and how they went."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        CheckConstraint(f"status IN ({sql_in(DeliveryStatus)})", name="status"),
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
        Index(None, "subscription_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("outbox_events.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(64))
    status: Mapped[DeliveryStatus] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # A worker's claim: nobody else sends it until the lease ends (a worker that dies while
    # sending leaves it to be sent again: at least once).
    locked_by: Mapped[str | None] = mapped_column(String(64))
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
