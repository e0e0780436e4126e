"""Bearer tokens from the city's identity provider (OpenID Connect), checked locally."""

from __future__ import annotations

from typing import Any

import jwt

from app.core.actor import Actor, ActorKind, Role
from app.core.config import OIDCSettings

_KNOWN_ROLES = {role.value: role for role in Role}


class TokenRejected(Exception):
    pass


class OIDCVerifier:
    """Built once per process: holds the JWKS client (with its key cache) or the PEM key."""

    def __init__(self, settings: OIDCSettings) -> None:
        self.settings = settings
        self._jwks = (
            jwt.PyJWKClient(settings.jwks_url, cache_keys=True, lifespan=300, timeout=5)
            if settings.jwks_url
            else None
        )
        self._pem = settings.public_key
        self._algorithms = [a for a in settings.algorithms if a.lower() != "none"]

    def _signing_key(self, token: str) -> Any:
        if self._jwks is not None:
            try:
                return self._jwks.get_signing_key_from_jwt(token).key
            except jwt.PyJWKClientError as exc:
                raise TokenRejected(
                    "the token's signing key is not published by the issuer"
                ) from exc
        return self._pem

    def verify(self, token: str) -> Actor:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise TokenRejected("the token is not a well-formed JWT") from exc
        if header.get("alg") not in self._algorithms:
            raise TokenRejected("the token's algorithm is not accepted")
        key = self._signing_key(token)
        try:
            claims = jwt.decode(
                token,
                key=key,
                algorithms=self._algorithms,
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.leeway_seconds,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenRejected("the token has expired") from exc
        except jwt.ImmatureSignatureError as exc:
            raise TokenRejected("the token is not valid yet") from exc
        except jwt.InvalidAudienceError as exc:
            raise TokenRejected("the token was issued for another audience") from exc
        except jwt.InvalidIssuerError as exc:
            raise TokenRejected("the token was issued by another issuer") from exc
        except jwt.InvalidTokenError as exc:
            raise TokenRejected("the token's signature or claims are not valid") from exc
        return Actor(
            kind=ActorKind.USER,
            id=str(claims["sub"])[:64],
            name=str(claims.get("name") or claims.get("email") or claims["sub"])[:200],
            roles=frozenset(_roles_from(claims, self.settings.roles_claim)),
        )


def _roles_from(claims: dict[str, Any], path: str) -> list[Role]:
    value: Any = claims
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        return []
    return [_KNOWN_ROLES[v] for v in value if isinstance(v, str) and v in _KNOWN_ROLES]
