from enum import StrEnum


class OfficialAccountKind(StrEnum):
    CORPORATE = "corporate"
    DEPARTMENTAL = "departmental"
    ELECTED_OFFICIAL_OFFICIAL = "elected_official_official"
    EMERGENCY = "emergency"
    PROGRAM = "program"

    def __str__(self) -> str:
        return str(self.value)
