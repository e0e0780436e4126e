from enum import StrEnum


class VersionStatus(StrEnum):
    ADOPTED = "adopted"
    DRAFT = "draft"
    REPEALED = "repealed"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
