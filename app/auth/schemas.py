from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from app.core.actor import ActorKind, Role
from app.core.schemas import ResponseModel, SecretFreeModel


class ApiKeyCreate(SecretFreeModel):
    name: str = Field(min_length=1, max_length=120, examples=["Permits system"])
    role: Role = Field(examples=["integration"])
    expires_in_days: int | None = Field(
        default=None, ge=1, le=3650, description="Omit for a key that does not expire"
    )
    person_id: uuid.UUID | None = Field(
        default=None,
        description="The person the key belongs to. Their account grants then decide which "
        "accounts a moderator or staff key reaches, and their offboarding revokes the key.",
    )


class ApiKeyRead(ResponseModel):
    id: uuid.UUID
    name: str
    role: Role
    person_id: uuid.UUID | None
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


class ApiKeyRevoke(SecretFreeModel):
    reason: str = Field(min_length=1, max_length=500, examples=["Vendor contract ended"])


class WhoAmI(ResponseModel):
    kind: ActorKind
    id: str
    name: str
    roles: list[Role]
    person_id: uuid.UUID | None = Field(description="The person acting, when known")
