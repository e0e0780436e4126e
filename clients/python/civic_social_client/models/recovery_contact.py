from enum import StrEnum


class RecoveryContact(StrEnum):
    CITY = "city"
    PERSONAL = "personal"

    def __str__(self) -> str:
        return str(self.value)
