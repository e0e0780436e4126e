"""Bearer tokens from the city's identity provider (OpenID Connect), checked locally."""

from __future__ import annotations

from typing import Any

import jwt

from app.core.actor import Actor, ActorKind, Role
from app.core.config import OIDCSettings

_KNOWN_ROLES = {role.value: role for role in Role}


class TokenRejected(Exception):
    pass


class IssuerUnreachable(Exception):
    """The identity provider's key set cannot be fetched: not the client's fault."""


class OIDCVerifier:
    """Built once per process: holds the JWKS client (with its key cache) or the PEM key."""

    def __init__(self, settings: OIDCSettings) -> None:
        self.settings = settings
        self._jwks = (
            # The key set is cached for five minutes and refetched after: a key the issuer
            # withdraws stops being trusted then. (cache_keys would keep each key for the
            # life of the process.)
            jwt.PyJWKClient(settings.jwks_url, cache_jwk_set=True, lifespan=300, timeout=5)
            if settings.jwks_url
            else None
        )
        self._pem = settings.public_key
        self._algorithms = [a for a in settings.algorithms if a.lower() != "none"]

    def _signing_key(self, token: str) -> Any:
        if self._jwks is not None:
            try:
                # The PyJWK itself, not its .key: PyJWT then holds the token's alg to the
                # key's own algorithm (an ES256 token against an RSA key is refused, not a 500).
                return self._jwks.get_signing_key_from_jwt(token)
            except jwt.PyJWKClientConnectionError as exc:
                raise IssuerUnreachable from exc
            except (jwt.PyJWKClientError, jwt.PyJWKSetError) as exc:
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
        except jwt.InvalidKeyError as exc:  # e.g. an ES256 token against an RSA key
            raise TokenRejected("the token's algorithm does not fit the issuer's key") from exc
        except jwt.InvalidTokenError as exc:
            raise TokenRejected("the token's signature or claims are not valid") from exc
        return Actor(
            kind=ActorKind.USER,
            id=str(claims["sub"])[:64],
            name=str(claims.get("name") or claims.get("email") or claims["sub"])[:200],
            roles=frozenset(_roles_from(claims, self.settings.roles_claim)),
            email=claims["email"] if isinstance(claims.get("email"), str) else None,
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
