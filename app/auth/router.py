from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Request, Response, status

from app.auth import service
from app.auth.dependencies import authorized
from app.auth.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead, ApiKeyRevoke, WhoAmI
from app.core.actor import Actor, Role
from app.core.db import SessionDep
from app.core.errors import problem_responses
from app.core.idempotency import IdempotencyDep
from app.core.pagination import Page, PageDep
from app.core.routing import DomainRouter

router = DomainRouter(serves=("/api-keys", "/auth"))

Admin = Annotated[Actor, authorized(Role.ADMIN)]
Anyone = Annotated[Actor, authorized(*Role)]


@router.get("/auth/whoami", tags=["auth"], summary="Who am I")
async def whoami(actor: Anyone) -> WhoAmI:
    """The principal behind the credential sent, and its roles."""
    return WhoAmI(
        kind=actor.kind,
        id=actor.id,
        name=actor.name,
        roles=sorted(actor.roles, key=lambda r: r.value),
        person_id=actor.person_id,
    )


@router.get("/api-keys", tags=["api-keys"], summary="List API keys")
async def list_api_keys(
    session: SessionDep,
    _: Admin,
    page: PageDep,
    include_revoked: bool = False,
    person_id: uuid.UUID | None = None,
) -> Page[ApiKeyRead]:
    """API keys by creation time, optionally one person's. The keys themselves are never
    shown again."""
    items, total = service.list_api_keys(
        session, page, include_revoked=include_revoked, person_id=person_id
    )
    return Page.of([service.to_read(k) for k in items], total, page)


@router.post(
    "/api-keys",
    tags=["api-keys"],
    summary="Issue an API key",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(422),
)
async def create_api_key(
    body: ApiKeyCreate,
    request: Request,
    session: SessionDep,
    actor: Admin,
    _idempotency: IdempotencyDep,
    response: Response,
) -> ApiKeyCreated:
    """Issue a key for a city system, or for one person (`person_id`). The response holds
    the key once; store it then."""
    key, token = service.create_api_key(session, request.app.state.secret_key, actor, body)
    response.headers["Location"] = f"/api/v1/api-keys/{key.id}"
    response.headers["Cache-Control"] = "no-store"
    return ApiKeyCreated(**service.to_read(key).model_dump(), key=token)


@router.get(
    "/api-keys/{key_id}",
    tags=["api-keys"],
    summary="Get an API key",
    responses=problem_responses(404),
)
async def get_api_key(key_id: uuid.UUID, session: SessionDep, _: Admin) -> ApiKeyRead:
    """One API key's record (never the key itself)."""
    return service.to_read(service.get_api_key(session, key_id))


@router.post(
    "/api-keys/{key_id}/revoke",
    tags=["api-keys"],
    summary="Revoke an API key",
    responses=problem_responses(404, 409),
)
async def revoke_api_key(
    key_id: uuid.UUID, body: ApiKeyRevoke, session: SessionDep, actor: Admin
) -> ApiKeyRead:
    """Revoke a key at once, on every replica, with the reason recorded."""
    return service.to_read(service.revoke_api_key(session, actor, key_id, body.reason))
