from enum import StrEnum


class WordChangeOp(StrEnum):
    DELETE = "delete"
    EQUAL = "equal"
    INSERT = "insert"

    def __str__(self) -> str:
        return str(self.value)
