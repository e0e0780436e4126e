from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import RequestModel, ResponseModel, UpdateModel
from app.events.catalogue import EVENT_TYPES
from app.webhooks.models import DeliveryStatus


def _known_types(values: list[str]) -> list[str]:
    unknown = sorted(set(values) - set(EVENT_TYPES) - {"*"})
    if unknown:
        raise ValueError(
            f"unknown event types {unknown}; see GET /api/v1/webhooks/event-types, or '*'"
        )
    if len(set(values)) != len(values):
        raise ValueError("name each event type once")
    return values


WebhookUrl = Annotated[str, StringConstraints(min_length=8, max_length=2048)]
EventTypes = Annotated[
    list[Annotated[str, StringConstraints(min_length=1, max_length=64)]],
    Field(min_length=1, max_length=len(EVENT_TYPES) + 1),
    AfterValidator(_known_types),
]
Description = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class EventTypeRead(ResponseModel):
    type: str = Field(examples=["comment.hidden"])
    description: str


class SubscriptionCreate(RequestModel):
    url: WebhookUrl = Field(examples=["https://records.town.example.ca/hooks/civic-social"])
    event_types: EventTypes = Field(
        description='Event types to receive, or ["*"] for all',
        examples=[["comment.hidden", "appeal.decided"]],
    )
    description: Description | None = None


class SubscriptionUpdate(UpdateModel):
    not_nullable = frozenset({"url", "event_types", "is_active"})

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    description: Description | None = None
    is_active: bool | None = Field(default=None, strict=True)


class SubscriptionRead(ResponseModel):
    id: uuid.UUID
    url: str
    event_types: list[str]
    description: str | None
    is_active: bool
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    secret_rotated_at: dt.datetime | None
    version: int


class SubscriptionWithSecret(SubscriptionRead):
    secret: str = Field(
        description="The signing secret (whsec_...). Shown this once: keep it where the "
        "receiving system verifies signatures"
    )


class DeliveryRead(ResponseModel):
    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Sent as the webhook-id header")
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: dt.datetime
    last_attempt_at: dt.datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: dt.datetime | None
    created_at: dt.datetime
