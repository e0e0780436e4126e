from enum import StrEnum


class AccountStatus(StrEnum):
    ACTIVE = "active"
    APPROVED = "approved"
    DECOMMISSIONED = "decommissioned"
    DORMANT = "dormant"
    REJECTED = "rejected"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
