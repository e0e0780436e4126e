from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import Field

from app.core.schemas import ResponseModel


class AuditEventRead(ResponseModel):
    seq: int = Field(description="Position in the chain, gapless from 1")
    id: uuid.UUID
    occurred_at: dt.datetime
    actor_kind: str = Field(examples=["api_key"])
    actor_id: str
    actor_name: str
    action: str = Field(examples=["person.created"])
    entity_type: str = Field(examples=["person"])
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None
    prev_hash: str
    hash: str


class ChainVerification(ResponseModel):
    valid: bool
    events_checked: int = Field(description="Events read before the first break, or all of them")
    head_seq: int | None = Field(description="Sequence number of the last event checked")
    head_hash: str | None = Field(
        description="Hash of the last event: keep it elsewhere to detect a truncated tail later"
    )
    first_broken_seq: int | None = Field(
        description="The first event whose hash, link or position does not hold"
    )
    reason: str | None = None
