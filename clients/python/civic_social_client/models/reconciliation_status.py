from enum import StrEnum


class ReconciliationStatus(StrEnum):
    APPLIED = "applied"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
