from enum import StrEnum


class AccountKind(StrEnum):
    CAMPAIGN = "campaign"
    DEPARTMENTAL = "departmental"
    ELECTED_OFFICIAL_OFFICIAL = "elected_official_official"
    ELECTED_OFFICIAL_PERSONAL = "elected_official_personal"
    OFFICIAL = "official"
    PERSONAL = "personal"

    def __str__(self) -> str:
        return str(self.value)
