from enum import StrEnum


class Action(StrEnum):
    NOTE = "note"
    REMOVE = "remove"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
