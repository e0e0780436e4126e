from enum import StrEnum


class AppealDecisionOutcome(StrEnum):
    DENIED = "denied"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
