from enum import StrEnum


class AppealStatus(StrEnum):
    DENIED = "denied"
    OPEN = "open"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
