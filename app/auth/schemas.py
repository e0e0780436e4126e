from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from app.core.actor import ActorKind, Role
from app.core.schemas import RequestModel, ResponseModel


class ApiKeyCreate(RequestModel):
    name: str = Field(min_length=1, max_length=120, examples=["Permits system"])
    role: Role = Field(examples=["integration"])
    expires_in_days: int | None = Field(
        default=None, ge=1, le=3650, description="Omit for a key that does not expire"
    )


class ApiKeyRead(ResponseModel):
    id: uuid.UUID
    name: str
    role: Role
    prefix: str = Field(description="The first characters of the key, to recognise it")
    created_at: dt.datetime
    created_by: str
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    revoked_by: str | None
    revocation_reason: str | None
    status: str = Field(description="active, expired or revoked", examples=["active"])


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="The key itself. Shown this once: it is not stored.")


class ApiKeyRevoke(RequestModel):
    reason: str = Field(min_length=1, max_length=500, examples=["Vendor contract ended"])


class WhoAmI(ResponseModel):
    kind: ActorKind
    id: str
    name: str
    roles: list[Role]
