"""Signing secrets: made here, shown once, kept encrypted, and used to sign each message the
Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256)."""

from __future__ import annotations

import base64
import datetime as dt
import secrets

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from standardwebhooks import Webhook

SECRET_PREFIX = "whsec_"  # noqa: S105 (the prefix the spec gives secrets)


def new_secret() -> str:
    """A signing secret in the form Standard Webhooks libraries read: whsec_<base64>."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


class SecretBox:
    """Encrypts signing secrets at rest with a key derived from the service's own secret
    (the same on every replica and worker); a copy of the database alone cannot sign."""

    def __init__(self, service_secret: bytes) -> None:
        key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"civic-social/webhook-secrets"
        ).derive(service_secret)
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as exc:  # the service secret changed since it was sealed
            raise ValueError("the signing secret cannot be read with this service secret") from exc


def signed_headers(secret: str, message_id: str, at: dt.datetime, body: bytes) -> dict[str, str]:
    timestamp = int(at.timestamp())
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
        "content-type": "application/json",
    }
