from enum import StrEnum


class ServiceRole(StrEnum):
    ADMIN = "admin"
    APPROVER = "approver"
    AUDITOR = "auditor"
    MODERATOR = "moderator"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
