from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.auth.models import ApiKey
from app.core.db import fetch_page
from app.people.models import Person


class Credential(NamedTuple):
    id: uuid.UUID
    name: str
    role: str
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    person_id: uuid.UUID | None
    person_status: str | None


# Built once: this runs on every authenticated request, and building a select costs more
# than executing it (bench/).
_CREDENTIAL = (
    select(
        ApiKey.id,
        ApiKey.name,
        ApiKey.role,
        ApiKey.expires_at,
        ApiKey.revoked_at,
        ApiKey.person_id,
        Person.status,
    )
    .outerjoin(Person, Person.id == ApiKey.person_id)
    .where(ApiKey.key_hash == bindparam("key_hash"))
)


def find_credential(session: Session, key_hash: str) -> Credential | None:
    row = session.connection().execute(_CREDENTIAL, {"key_hash": key_hash}).first()
    return None if row is None else Credential(*row)


def add(session: Session, key: ApiKey) -> None:
    session.add(key)
    session.flush()


def get(session: Session, key_id: uuid.UUID) -> ApiKey | None:
    return session.get(ApiKey, key_id)


def active_keys_of(session: Session, person_id: uuid.UUID) -> Sequence[ApiKey]:
    return session.scalars(
        select(ApiKey)
        .where(ApiKey.person_id == person_id, ApiKey.revoked_at.is_(None))
        .order_by(ApiKey.created_at, ApiKey.id)
    ).all()


def list_keys(
    session: Session,
    *,
    include_revoked: bool,
    person_id: uuid.UUID | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[ApiKey], int]:
    query = select(ApiKey)
    if not include_revoked:
        query = query.where(ApiKey.revoked_at.is_(None))
    if person_id is not None:
        query = query.where(ApiKey.person_id == person_id)
    return fetch_page(session, query, ApiKey.created_at, ApiKey.id, offset=offset, limit=limit)
