from enum import StrEnum


class Category(StrEnum):
    ACCESSIBILITY = "accessibility"
    CONFIDENTIAL = "confidential"
    ELECTIONEERING = "electioneering"
    EMERGENCY_CHANNEL = "emergency_channel"
    HARASSMENT = "harassment"
    HATE = "hate"
    MEDIA_CONSENT = "media_consent"
    PERSONAL_INFORMATION = "personal_information"
    PROFANITY = "profanity"
    SEXUAL = "sexual"
    SPAM = "spam"
    THREAT = "threat"
    VIEWPOINT_RISK = "viewpoint_risk"

    def __str__(self) -> str:
        return str(self.value)
