"""Secret tokens: generated with the OS's CSPRNG, stored only as keyed hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

API_KEY_PREFIX = "cs_"


def new_api_key() -> str:
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def keyed_hash(secret: bytes, token: str) -> str:
    # HMAC-SHA256, not a slow password hash: the token has 256 bits of entropy, so a fast
    # keyed hash is safe and lets every request be checked in microseconds.
    return hmac.new(secret, token.encode("utf-8"), hashlib.sha256).hexdigest()
