from enum import StrEnum


class PersonStatus(StrEnum):
    ACTIVE = "active"
    DEPARTED = "departed"

    def __str__(self) -> str:
        return str(self.value)
