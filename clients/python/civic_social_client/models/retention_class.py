from enum import StrEnum


class RetentionClass(StrEnum):
    COMMENT = "comment"
    MODERATED_COMMENT = "moderated_comment"

    def __str__(self) -> str:
        return str(self.value)
