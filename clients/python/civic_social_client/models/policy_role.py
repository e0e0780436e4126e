from enum import StrEnum


class PolicyRole(StrEnum):
    CAO = "cao"
    CONTRACTOR = "contractor"
    COUNCIL = "council"
    EMPLOYEE = "employee"
    MODERATOR = "moderator"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
