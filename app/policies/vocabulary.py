"""The words of a policy, shared by the models, the document reader and writer, the diff and
the coverage rules. Plain Python: importable without FastAPI or a database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class ClauseKind(StrEnum):
    PURPOSE = "purpose"
    POLICY_STATEMENT = "policy_statement"
    SCOPE = "scope"
    EXEMPTION = "exemption"
    DEFINITION = "definition"
    ROLE = "role"
    GUIDELINE = "guideline"
    PROHIBITED_CONTENT = "prohibited_content"
    ACCOUNT_CRITERIA = "account_criteria"
    EMERGENCY = "emergency"
    MEDIA = "media"
    ELECTION = "election"
    TRAINING = "training"
    TERMS_OF_ENGAGEMENT = "terms_of_engagement"
    OTHER = "other"


class PolicyRole(StrEnum):
    """Whose responsibilities a role clause states."""

    COUNCIL = "council"
    CAO = "cao"
    MODERATOR = "moderator"
    EMPLOYEE = "employee"
    CONTRACTOR = "contractor"
    VOLUNTEER = "volunteer"


class CoveredPersonType(StrEnum):
    """The relationship a person has with the town (the same words as people.PersonType)."""

    EMPLOYEE = "employee"
    VOLUNTEER = "volunteer"
    CONTRACT_EMPLOYEE = "contract_employee"
    CONTRACTING_FIRM = "contracting_firm"
    COUNCIL_MEMBER = "council_member"
    MAYOR = "mayor"
    CAO = "cao"


class AccountKind(StrEnum):
    """The kind of account a question about coverage is asked for."""

    OFFICIAL = "official"
    DEPARTMENTAL = "departmental"
    PERSONAL = "personal"
    ELECTED_OFFICIAL_PERSONAL = "elected_official_personal"
    ELECTED_OFFICIAL_OFFICIAL = "elected_official_official"
    CAMPAIGN = "campaign"


class VersionStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    SUPERSEDED = "superseded"
    REPEALED = "repealed"


# A clause reference: a number with optional dotted parts, then parenthesised letters or
# roman numerals: "4", "4.2", "4.2(c)", "4.2(c)(iv)".
REF_PATTERN = r"^[0-9]+(\.[0-9]+)*(\([a-z]{1,2}\)|\([ivxlc]{1,8}\))*$"
_REF = re.compile(REF_PATTERN)
# As a request may send it: letters in either case (it is stored lower-cased).
REF_INPUT_PATTERN = r"^[0-9]+(\.[0-9]+)*(\([A-Za-z]{1,2}\)|\([ivxlcIVXLC]{1,8}\))*$"
_SECTION_WORD = re.compile(r"^(section|s\.|article|part|clause)\s*", re.IGNORECASE)


def normalize_ref(value: str) -> str | None:
    """The canonical form of a clause reference as people write it ("Section 4.2 (C)" ->
    "4.2(c)"), or None when it is not one."""
    ref = _SECTION_WORD.sub("", value.strip())
    ref = re.sub(r"\s+", "", ref).lower().rstrip(".")
    return ref if _REF.match(ref) else None


# A topic tag: short plain words, to filter clauses by ("personal use", "town-business").
TOPIC_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$"
_TOPIC = re.compile(TOPIC_PATTERN)


def normalize_topic(value: str) -> str | None:
    """A topic as stored (lower case, single spaces), or None when it is not one."""
    topic = " ".join(value.split()).lower()
    return topic if _TOPIC.match(topic) else None


@dataclass(slots=True)
class ClauseDraft:
    """A clause as a document states it, before it is stored (and as the diff compares it).

    ``parent_ref`` is None for a top-level clause; ``line`` is where the clause starts in
    the document it was read from (0 when it did not come from a document)."""

    ref: str
    text: str
    kind: ClauseKind = ClauseKind.OTHER
    title: str | None = None
    parent_ref: str | None = None
    term: str | None = None
    role: PolicyRole | None = None
    topics: list[str] = field(default_factory=list)
    applies_to: list[CoveredPersonType] = field(default_factory=list)
    line: int = 0
