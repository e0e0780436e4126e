from enum import StrEnum


class TrainingTrainingComplianceGroupBy(StrEnum):
    ACCOUNT = "account"
    DEPARTMENT = "department"

    def __str__(self) -> str:
        return str(self.value)
