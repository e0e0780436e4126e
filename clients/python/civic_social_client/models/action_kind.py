from enum import StrEnum


class ActionKind(StrEnum):
    BLOCK = "block"
    DELETE = "delete"
    HIDE = "hide"
    KEEP = "keep"
    RESTORE = "restore"
    UNBLOCK = "unblock"

    def __str__(self) -> str:
        return str(self.value)
