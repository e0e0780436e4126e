from enum import StrEnum


class ReviewStatus(StrEnum):
    DECIDED = "decided"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
