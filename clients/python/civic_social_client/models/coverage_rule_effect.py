from enum import StrEnum


class CoverageRuleEffect(StrEnum):
    EXCLUDE = "exclude"
    EXEMPT = "exempt"
    INCLUDE = "include"

    def __str__(self) -> str:
        return str(self.value)
