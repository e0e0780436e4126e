from enum import StrEnum


class CommentsListCommentsScreeningDecisionType0(StrEnum):
    ALLOW = "allow"
    HIDE = "hide"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
