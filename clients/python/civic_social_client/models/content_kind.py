from enum import StrEnum


class ContentKind(StrEnum):
    COMMENT = "comment"
    POST = "post"
    REPLY = "reply"

    def __str__(self) -> str:
        return str(self.value)
