from enum import StrEnum


class GrantStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    HOLDER_DEPARTED = "holder_departed"
    PENDING = "pending"
    REVOKED = "revoked"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
