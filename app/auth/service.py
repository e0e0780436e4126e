"""API keys for city systems, and turning a bearer credential into an actor."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth import repository
from app.auth.errors import (
    ApiKeyAlreadyRevoked,
    ApiKeyNotFound,
    CredentialsInvalid,
    IdentityProviderUnavailable,
)
from app.auth.models import ApiKey
from app.auth.oidc import IssuerUnreachable, OIDCVerifier, TokenRejected
from app.auth.schemas import ApiKeyCreate, ApiKeyRead
from app.core.actor import Actor, ActorKind, Role
from app.core.db import utcnow
from app.core.pagination import PageParams
from app.core.security import API_KEY_PREFIX, keyed_hash, new_api_key


def to_read(key: ApiKey) -> ApiKeyRead:
    return ApiKeyRead.model_validate(key)


def _audit_view(key: ApiKey) -> dict[str, object]:
    return to_read(key).model_dump(mode="json")


def create_api_key(
    session: Session, secret: bytes, actor: Actor, data: ApiKeyCreate
) -> tuple[ApiKey, str]:
    """Issue a key. The key itself is returned once and never stored."""
    token = new_api_key()
    now = utcnow()
    key = ApiKey(
        id=uuid.uuid4(),
        name=data.name,
        role=data.role,
        key_hash=keyed_hash(secret, token),
        prefix=token[: len(API_KEY_PREFIX) + 6],
        created_at=now,
        created_by=actor.name,
        expires_at=now + dt.timedelta(days=data.expires_in_days) if data.expires_in_days else None,
    )
    repository.add(session, key)
    audit.record(session, actor, "api_key.created", "api_key", key.id, after=_audit_view(key))
    return key, token


def get_api_key(session: Session, key_id: uuid.UUID) -> ApiKey:
    key = repository.get(session, key_id)
    if key is None:
        raise ApiKeyNotFound(f"No API key has id {key_id}.")
    return key


def list_api_keys(
    session: Session, params: PageParams, *, include_revoked: bool
) -> tuple[Sequence[ApiKey], int]:
    return repository.list_keys(
        session, include_revoked=include_revoked, offset=params.offset, limit=params.page_size
    )


def revoke_api_key(session: Session, actor: Actor, key_id: uuid.UUID, reason: str) -> ApiKey:
    """Revoke a key; every replica refuses it from the next request on (it checks the table)."""
    key = get_api_key(session, key_id)
    if key.revoked_at is not None:
        raise ApiKeyAlreadyRevoked(f"API key {key_id} was revoked at {key.revoked_at.isoformat()}.")
    before = _audit_view(key)
    key.revoked_at = utcnow()
    key.revoked_by = actor.name
    key.revocation_reason = reason
    session.flush()
    audit.record(
        session, actor, "api_key.revoked", "api_key", key.id, before=before, after=_audit_view(key)
    )
    return key


def authenticate(
    session: Session, secret: bytes, verifier: OIDCVerifier | None, token: str
) -> Actor:
    """The actor behind a bearer credential: an API key (``cs_...``) or an OIDC token."""
    if token.startswith(API_KEY_PREFIX):
        return _authenticate_api_key(session, secret, token)
    if verifier is None:
        raise CredentialsInvalid(
            "The credential is not a Civic Social API key, and identity-"
            "provider tokens are not enabled on this service."
        )
    try:
        return verifier.verify(token)
    except IssuerUnreachable as exc:
        raise IdentityProviderUnavailable(
            "The identity provider's signing keys cannot be fetched; try again shortly.",
            headers={"Retry-After": "30"},
        ) from exc
    except TokenRejected as exc:
        raise CredentialsInvalid(f"The bearer token was refused: {exc}.") from exc


def _authenticate_api_key(session: Session, secret: bytes, token: str) -> Actor:
    row = repository.find_credential(session, keyed_hash(secret, token))
    if row is None:
        raise CredentialsInvalid("The API key is not known.")
    if row.revoked_at is not None:
        raise CredentialsInvalid("The API key has been revoked.")
    if row.expires_at is not None and row.expires_at <= utcnow():
        raise CredentialsInvalid("The API key has expired.")
    return Actor(
        kind=ActorKind.API_KEY, id=str(row.id), name=row.name, roles=frozenset({Role(row.role)})
    )
