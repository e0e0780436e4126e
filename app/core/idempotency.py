"""``Idempotency-Key`` on creating POSTs: a replay returns the first response; the same key
with another body is refused.

The key is claimed by inserting a row in the request's own transaction, and the response is
stored in that row before the transaction commits, so the claim, the change and the stored
response commit (or vanish) together. A concurrent request with the same key waits on the
unique index (PostgreSQL) or the write lock (SQLite) and then replays the stored response."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import JSON, Integer, LargeBinary, String, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from starlette.responses import Response

from app.core.actor import Actor
from app.core.db import Base, SessionDep, UTCDateTime, utcnow
from app.core.errors import RuleViolation

_SCOPE_KEY = "civic_social.idempotency"
_REPLAYED_HEADERS = ("content-type", "etag", "location")


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("owner", "key"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    owner: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(255))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(2048))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdempotencyKeyReused(RuleViolation):
    type = "idempotency-key-reused"
    title = "Idempotency key reused with a different request"


class IdempotentReplay(Exception):
    """Raised to answer with the stored response; nothing of this request is written."""

    def __init__(self, response: Response) -> None:
        self.response = response


class IdempotencyClaim:
    def __init__(self, session: Session, record: IdempotencyRecord) -> None:
        self._session = session
        self._record = record

    def complete(self, response: Response) -> None:
        record = self._record
        record.status_code = response.status_code
        record.response_body = bytes(response.body)
        record.response_headers = {
            name: response.headers[name] for name in _REPLAYED_HEADERS if name in response.headers
        }
        self._session.flush()


def _replay(record: IdempotencyRecord) -> Response:
    headers = dict(record.response_headers or {})
    headers["Idempotent-Replayed"] = "true"
    return Response(
        content=record.response_body, status_code=record.status_code or 200, headers=headers
    )


async def _claim(
    request: Request,
    session: SessionDep,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Makes a retry of this POST safe: a replay returns the first response",
        ),
    ] = None,
) -> IdempotencyClaim | None:
    if idempotency_key is None:
        return None
    actor: Actor | None = getattr(request.state, "actor", None)
    if actor is None:  # pragma: no cover - a wiring error caught by the route tests
        raise RuntimeError("the idempotency dependency must come after authentication")
    body = await request.body()
    digest = hashlib.sha256(
        b"\n".join(
            [request.method.encode(), request.url.path.encode(), request.url.query.encode(), body]
        )
    ).hexdigest()
    ttl = dt.timedelta(hours=request.app.state.settings.idempotency_ttl_hours)
    owner = f"{actor.kind}:{actor.id}"[:64]

    record = IdempotencyRecord(
        owner=owner,
        key=idempotency_key,
        method=request.method,
        path=request.url.path,
        request_hash=digest,
    )
    try:
        with session.begin_nested():
            session.add(record)
            session.flush()
    except IntegrityError:
        existing = session.scalars(
            select(IdempotencyRecord).where(
                IdempotencyRecord.owner == owner, IdempotencyRecord.key == idempotency_key
            )
        ).one()
        if existing.created_at < utcnow() - ttl:
            session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == existing.id))
            record = IdempotencyRecord(
                owner=owner,
                key=idempotency_key,
                method=request.method,
                path=request.url.path,
                request_hash=digest,
            )
            session.add(record)
            session.flush()
        elif existing.request_hash != digest:
            raise IdempotencyKeyReused(
                "This Idempotency-Key was already used for a different request; "
                "use a new key for a new request."
            ) from None
        else:
            raise IdempotentReplay(_replay(existing)) from None
    claim = IdempotencyClaim(session, record)
    request.scope[_SCOPE_KEY] = claim
    return claim


IdempotencyDep = Annotated[IdempotencyClaim | None, Depends(_claim)]


async def replay_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, IdempotentReplay)
    return exc.response


def completed_claim(request: Request) -> IdempotencyClaim | None:
    return request.scope.get(_SCOPE_KEY)
