from enum import StrEnum


class RevocationCause(StrEnum):
    MANUAL = "manual"
    OFFBOARDING = "offboarding"
    RECONCILIATION = "reconciliation"

    def __str__(self) -> str:
        return str(self.value)
