"""Route guards. Every route declares the roles it needs with ``Authorize``; only routes
marked public (``app.core.routing.PUBLIC``) answer without credentials. Admin passes every
role check."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from app.auth import service
from app.auth.errors import CredentialsMissing, RoleRequired
from app.core.actor import Actor, Role
from app.core.db import SessionDep

# The header is read here rather than through fastapi.security.HTTPBearer: one nested
# dependency less on every request (bench/). The contract declares the scheme
# (app/openapi.py, BEARER_SCHEME) on every operation that has an Authorize dependency.
BEARER_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "An API key (cs_...) or a token from the city's identity provider",
}


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class Authorize:
    """Dependency: authenticate the bearer credential and require one of ``roles``."""

    def __init__(self, *roles: Role) -> None:
        if not roles:
            raise ValueError("name at least one role; mark public routes with PUBLIC instead")
        self.roles = frozenset(roles)

    async def __call__(self, request: Request, session: SessionDep) -> Actor:
        token = _bearer_token(request)
        if token is None:
            raise CredentialsMissing()
        state = request.app.state
        actor = service.authenticate(session, state.secret_key, state.oidc_verifier, token)
        if not actor.has_any(self.roles):
            needed = ", ".join(sorted(role.value for role in self.roles))
            raise RoleRequired(f"This operation needs one of these roles: {needed}.")
        request.state.actor = actor
        return actor


def authorized(*roles: Role) -> Any:
    """``Annotated[Actor, authorized(Role.ADMIN)]``: the acting principal, checked."""
    return Depends(Authorize(*roles))
