"""API keys for city systems, and turning a bearer credential into an actor."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth import repository
from app.auth.errors import (
    ApiKeyAlreadyRevoked,
    ApiKeyHolderNotAllowed,
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
from app.people import service as people
from app.people.errors import PersonNotFound
from app.people.models import PersonStatus, PersonType


def to_read(key: ApiKey) -> ApiKeyRead:
    return ApiKeyRead.model_validate(key)


def _audit_view(key: ApiKey) -> dict[str, object]:
    return to_read(key).model_dump(mode="json")


def create_api_key(
    session: Session, secret: bytes, actor: Actor, data: ApiKeyCreate
) -> tuple[ApiKey, str]:
    """Issue a key. The key itself is returned once and never stored."""
    if data.person_id is not None:
        _check_holder(session, data.person_id)
    token = new_api_key()
    now = utcnow()
    key = ApiKey(
        id=uuid.uuid4(),
        name=data.name,
        role=data.role,
        person_id=data.person_id,
        key_hash=keyed_hash(secret, token),
        prefix=token[: len(API_KEY_PREFIX) + 6],
        created_at=now,
        created_by=actor.name,
        expires_at=now + dt.timedelta(days=data.expires_in_days) if data.expires_in_days else None,
    )
    repository.add(session, key)
    audit.record(session, actor, "api_key.created", "api_key", key.id, after=_audit_view(key))
    return key, token


def _check_holder(session: Session, person_id: uuid.UUID) -> None:
    try:
        person = people.get_person(session, person_id)
    except PersonNotFound as exc:
        raise ApiKeyHolderNotAllowed(f"No person has id {person_id}.") from exc
    if person.status == PersonStatus.DEPARTED:
        raise ApiKeyHolderNotAllowed(f"Person {person_id} has departed.")
    if person.person_type == PersonType.CONTRACTING_FIRM:
        raise ApiKeyHolderNotAllowed(
            "A contracting firm is a separate entity: its staff need keys of their own, "
            "issued to a system, not to the firm."
        )


def get_api_key(session: Session, key_id: uuid.UUID) -> ApiKey:
    key = repository.get(session, key_id)
    if key is None:
        raise ApiKeyNotFound(f"No API key has id {key_id}.")
    return key


def list_api_keys(
    session: Session,
    params: PageParams,
    *,
    include_revoked: bool,
    person_id: uuid.UUID | None = None,
) -> tuple[Sequence[ApiKey], int]:
    return repository.list_keys(
        session,
        include_revoked=include_revoked,
        person_id=person_id,
        offset=params.offset,
        limit=params.page_size,
    )


def revoke_api_key(session: Session, actor: Actor, key_id: uuid.UUID, reason: str) -> ApiKey:
    """Revoke a key; every replica refuses it from the next request on (it checks the table)."""
    key = get_api_key(session, key_id)
    if key.revoked_at is not None:
        raise ApiKeyAlreadyRevoked(f"API key {key_id} was revoked at {key.revoked_at.isoformat()}.")
    _revoke(session, actor, key, reason)
    return key


def revoke_keys_of_person(
    session: Session, actor: Actor, person_id: uuid.UUID, reason: str
) -> list[ApiKey]:
    """Revoke every key of a person still unrevoked (expired ones too: nothing to renew)."""
    keys = list(repository.active_keys_of(session, person_id))
    for key in keys:
        _revoke(session, actor, key, reason)
    return keys


def _revoke(session: Session, actor: Actor, key: ApiKey, reason: str) -> None:
    before = _audit_view(key)
    key.revoked_at = utcnow()
    key.revoked_by = actor.name
    key.revocation_reason = reason
    session.flush()
    audit.record(
        session, actor, "api_key.revoked", "api_key", key.id, before=before, after=_audit_view(key)
    )


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
        actor = verifier.verify(token)
    except IssuerUnreachable as exc:
        raise IdentityProviderUnavailable(
            "The identity provider's signing keys cannot be fetched; try again shortly.",
            headers={"Retry-After": "30"},
        ) from exc
    except TokenRejected as exc:
        raise CredentialsInvalid(f"The bearer token was refused: {exc}.") from exc
    if actor.email is None:
        return actor
    person = people.find_person_by_email(session, actor.email)
    if person is None:
        return actor
    if person.status == PersonStatus.DEPARTED:
        raise CredentialsInvalid("The token's holder has departed.")
    return replace(actor, person_id=person.id)


def _authenticate_api_key(session: Session, secret: bytes, token: str) -> Actor:
    row = repository.find_credential(session, keyed_hash(secret, token))
    if row is None:
        raise CredentialsInvalid("The API key is not known.")
    if row.revoked_at is not None:
        raise CredentialsInvalid("The API key has been revoked.")
    if row.expires_at is not None and row.expires_at <= utcnow():
        raise CredentialsInvalid("The API key has expired.")
    if row.person_status == PersonStatus.DEPARTED:
        raise CredentialsInvalid("The API key's holder has departed.")
    return Actor(
        kind=ActorKind.API_KEY,
        id=str(row.id),
        name=row.name,
        roles=frozenset({Role(row.role)}),
        person_id=row.person_id,
    )
