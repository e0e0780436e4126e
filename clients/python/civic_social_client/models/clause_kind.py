from enum import StrEnum


class ClauseKind(StrEnum):
    ACCOUNT_CRITERIA = "account_criteria"
    DEFINITION = "definition"
    ELECTION = "election"
    EMERGENCY = "emergency"
    EXEMPTION = "exemption"
    GUIDELINE = "guideline"
    MEDIA = "media"
    OTHER = "other"
    POLICY_STATEMENT = "policy_statement"
    PROHIBITED_CONTENT = "prohibited_content"
    PURPOSE = "purpose"
    ROLE = "role"
    SCOPE = "scope"
    TERMS_OF_ENGAGEMENT = "terms_of_engagement"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
