"""The fixed words of screening: categories, subtypes, severities, kinds and decisions, and the
hit every detector reports. Part of the published contract: adding a word is a change to it,
renaming one breaks clients."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PERSONAL_INFORMATION = "personal_information"
    CONFIDENTIAL = "confidential"
    PROFANITY = "profanity"
    THREAT = "threat"
    HARASSMENT = "harassment"
    HATE = "hate"
    SEXUAL = "sexual"
    SPAM = "spam"
    ELECTIONEERING = "electioneering"
    EMERGENCY_CHANNEL = "emergency_channel"
    MEDIA_CONSENT = "media_consent"
    ACCESSIBILITY = "accessibility"
    VIEWPOINT_RISK = "viewpoint_risk"


class PersonalInformation(StrEnum):
    """The subtypes of `personal_information`."""

    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    NATIONAL_ID = "national_id"
    CREDIT_CARD = "credit_card"
    DATE_OF_BIRTH = "date_of_birth"
    HEALTH = "health"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2, Severity.CRITICAL: 3}


class ContentKind(StrEnum):
    """What is being screened: a staff draft (post or reply) or a public comment."""

    POST = "post"
    REPLY = "reply"
    COMMENT = "comment"


class Decision(StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    BLOCK = "block"  # a staff draft must not be published as written
    HIDE = "hide"  # a public comment is hidden (and retained) pending moderation


class Action(StrEnum):
    """What a rule asks for when its category is found. `remove` is `block` for a draft and
    `hide` for a comment; `note` reports the finding without changing the decision."""

    NOTE = "note"
    REVIEW = "review"
    REMOVE = "remove"


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a detector found in a text, at `text[start:end]` of the original text.

    `severity` None means the ruleset's severity for the category. `sensitive` hits (personal
    information) are masked in excerpts and in the redacted text. `certain` is False for a
    statistical guess (the classifier): such a hit alone can ask for review, never removal."""

    category: Category
    start: int
    end: int
    detector: str
    explanation: str
    severity: Severity | None = None
    subtype: str | None = None
    sensitive: bool = False
    certain: bool = True
