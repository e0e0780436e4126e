from enum import StrEnum


class ReviewOutcome(StrEnum):
    APPROVE = "approve"
    OVERRIDE = "override"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
