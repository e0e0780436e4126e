from enum import StrEnum


class CommentStatus(StrEnum):
    DELETED = "deleted"
    HIDDEN = "hidden"
    VISIBLE = "visible"

    def __str__(self) -> str:
        return str(self.value)
