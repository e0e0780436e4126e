from enum import StrEnum


class Decision(StrEnum):
    ALLOW = "allow"
    BLOCK = "block"
    HIDE = "hide"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
