from enum import StrEnum


class GrantRole(StrEnum):
    ANALYST = "analyst"
    MODERATOR = "moderator"
    OWNER = "owner"
    PUBLISHER = "publisher"

    def __str__(self) -> str:
        return str(self.value)
