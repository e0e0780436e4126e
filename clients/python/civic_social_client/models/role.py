from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    APPROVER = "approver"
    AUDITOR = "auditor"
    INTEGRATION = "integration"
    MODERATOR = "moderator"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
