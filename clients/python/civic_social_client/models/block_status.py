from enum import StrEnum


class BlockStatus(StrEnum):
    ACTIVE = "active"
    LIFTED = "lifted"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
