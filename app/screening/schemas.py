from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, model_validator

from app.core.schemas import IsoDate, IsoDateTime, RequestModel, ResponseModel, UpdateModel
from app.core.vocabulary import Platform
from app.policies.schemas import Reference
from app.screening.engine.vocabulary import (
    Action,
    Category,
    ContentKind,
    Decision,
    PersonalInformation,
    Severity,
)
from app.screening.models import ReviewOutcome, ReviewStatus

# Control characters other than tab and line breaks have no place in a post or a comment and
# are a common way to smuggle text past filters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_characters(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("control characters (other than tab and line breaks) are not allowed")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is empty")
    return value


ScreenedText = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "The text to screen, exactly as it will be published (offsets in findings refer "
            "to it). At most 10,000 characters unless the service is configured otherwise."
        ),
        examples=["Join us Saturday at the Alder Bay library for the budget open house!"],
    ),
    AfterValidator(_not_blank),
    AfterValidator(_no_control_characters),
]
Phrase = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=200),
    AfterValidator(_no_control_characters),
]
Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=2_000),
    AfterValidator(_no_control_characters),
]

CATEGORY_DESCRIPTION = (
    "One of the fixed screening categories: "
    + ", ".join(c.value for c in Category)
    + ". `personal_information` findings carry a subtype: "
    + ", ".join(p.value for p in PersonalInformation)
    + "."
)


# Screenings -------------------------------------------------------------------------------


class MediaIn(RequestModel):
    kind: str = Field(
        min_length=1,
        max_length=40,
        pattern=r"^[a-z_]+$",
        examples=["image"],
        description="image, photo, video, audio, document...",
    )
    alt_text: Annotated[str, StringConstraints(max_length=2_000)] | None = None
    consent_recorded: bool | None = Field(
        default=None, strict=True, description="Consent of the people shown is on file"
    )
    depicts_minors: bool | None = Field(default=None, strict=True)


class ScreeningRequest(RequestModel):
    # Offsets in findings index the text as sent: it is never stripped.
    model_config = ConfigDict(str_strip_whitespace=False)

    text: ScreenedText
    kind: ContentKind = Field(
        description="post or reply (a staff draft), comment (from the public)"
    )
    account_id: uuid.UUID | None = Field(
        default=None, description="The official account it is for or was posted on"
    )
    platform: Platform | None = None
    at: IsoDateTime | None = Field(
        default=None,
        description="When it will be (or was) published; decides the policy version and "
        "election period that apply. Default: now.",
    )
    emergency: bool = Field(
        default=False, strict=True, description="The draft carries emergency information"
    )
    media: list[MediaIn] = Field(default_factory=list, max_length=20)


BATCH_LIMIT = 500


class ScreeningBatch(RequestModel):
    items: list[ScreeningRequest] = Field(min_length=1, max_length=BATCH_LIMIT)


class ClauseCitation(ResponseModel):
    policy_id: uuid.UUID
    version: str = Field(description="The policy version's label", examples=["2024"])
    version_id: uuid.UUID
    ref: str = Field(examples=["11(a)"])
    title: str | None


class FindingRead(ResponseModel):
    category: Category = Field(description=CATEGORY_DESCRIPTION)
    subtype: str | None = None
    severity: Severity
    start: int = Field(ge=0, description="Offset of the first character in the text")
    end: int = Field(ge=0, description="Offset after the last character")
    excerpt: str = Field(description="The text found; personal information is masked")
    detector: str = Field(examples=["pii.phone", "lexicon", "classifier.offensive"])
    action: Action = Field(description="What this finding asks for under the ruleset")
    clause: ClauseCitation | None = Field(description="The clause the finding enforces")
    explanation: str


class PolicyVersionRef(ResponseModel):
    policy_id: uuid.UUID
    version_id: uuid.UUID
    label: str


class ScreeningRead(ResponseModel):
    id: uuid.UUID
    kind: ContentKind
    decision: Decision = Field(
        description="post and reply: allow, review or block; comment: allow, review or hide"
    )
    findings: list[FindingRead]
    redacted_text: str = Field(
        description="The text with personal information masked character for character"
    )
    risk_flags: list[str] = Field(
        description="Signals for a person that never change the decision (viewpoint_risk)"
    )
    engine_version: str
    ruleset_version: str = Field(examples=["2024-r3"])
    policy_version: PolicyVersionRef | None
    review_id: uuid.UUID | None = Field(description="The review a `review` decision opened")
    account_id: uuid.UUID | None
    platform: str | None
    at: dt.datetime
    emergency: bool
    text_sha256: str = Field(description="SHA-256 of the original text, hex")
    text_length: int
    created_at: dt.datetime


class ScreeningBatchRead(ResponseModel):
    items: list[ScreeningRead]


# Rulesets ---------------------------------------------------------------------------------


class ActionsByKind(RequestModel):
    post: Action
    reply: Action
    comment: Action


class RuleIn(RequestModel):
    severity: Severity = Field(description="The severity of findings that carry none")
    actions: ActionsByKind
    clause_ref: Reference | None = Field(default=None, description="The clause a draft breaks")
    comment_clause_ref: Reference | None = Field(
        default=None, description="The terms-of-engagement clause a comment breaks"
    )
    remove_from: Severity = Field(
        default=Severity.LOW, description="The lowest severity at which `remove` applies"
    )


class RuleRead(ResponseModel):
    severity: Severity
    actions: dict[ContentKind, Action]
    clause_ref: str | None
    comment_clause_ref: str | None
    remove_from: Severity


class RulesetCreate(RequestModel):
    policy_version_id: uuid.UUID
    rules: dict[Category, RuleIn] | None = Field(
        default=None,
        description="Per category; categories left out keep the default treatment. Without "
        "rules, the ruleset of the version this one supersedes is copied (or the defaults).",
    )


class RulesetUpdate(UpdateModel):
    not_nullable = frozenset({"rules"})

    rules: dict[Category, RuleIn] | None = Field(
        default=None, description="Replaces the rules of the categories given"
    )


class RulesetRead(ResponseModel):
    id: uuid.UUID
    policy_version: PolicyVersionRef
    rules: dict[Category, RuleRead]
    term_count: int
    ruleset_version: str
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class TermCreate(RequestModel):
    phrase: Phrase = Field(examples=["in camera"])
    category: Category = Field(description=CATEGORY_DESCRIPTION)
    severity: Severity

    @model_validator(mode="after")
    def _screened_category(self) -> TermCreate:
        if self.category in {Category.MEDIA_CONSENT, Category.ACCESSIBILITY}:
            raise ValueError(f"{self.category} is found from the post's form, not its words")
        if self.category is Category.PERSONAL_INFORMATION:
            raise ValueError("personal information is found by validators, not by terms")
        return self


class TermRead(ResponseModel):
    id: uuid.UUID
    ruleset_id: uuid.UUID
    phrase: str
    category: Category
    severity: Severity
    created_at: dt.datetime
    created_by: str


# Elections --------------------------------------------------------------------------------


def _period_in_order(starts: dt.date | None, ends: dt.date | None) -> None:
    if starts is not None and ends is not None and starts > ends:
        raise ValueError("period_starts_on must not be after period_ends_on")


class ElectionCreate(RequestModel):
    name: Name = Field(examples=["2026 Municipal Election"])
    voting_day: IsoDate | None = None
    period_starts_on: IsoDate = Field(description="First day of the Election Period")
    period_ends_on: IsoDate = Field(description="Last day of the Election Period (inclusive)")

    @model_validator(mode="after")
    def _in_order(self) -> ElectionCreate:
        _period_in_order(self.period_starts_on, self.period_ends_on)
        return self


class ElectionUpdate(UpdateModel):
    not_nullable = frozenset({"name", "period_starts_on", "period_ends_on"})

    name: Name | None = None
    voting_day: IsoDate | None = None
    period_starts_on: IsoDate | None = None
    period_ends_on: IsoDate | None = None

    @model_validator(mode="after")
    def _in_order(self) -> ElectionUpdate:
        _period_in_order(self.period_starts_on, self.period_ends_on)
        return self


class ElectionRead(ResponseModel):
    id: uuid.UUID
    name: str
    voting_day: dt.date | None
    period_starts_on: dt.date
    period_ends_on: dt.date
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


Alias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]


class CandidateCreate(RequestModel):
    name: Name = Field(examples=["Jordan Ellis-Carter"])
    aliases: list[Alias] = Field(default_factory=list, max_length=10)
    office: Name | None = Field(default=None, examples=["Mayor"])


class CandidateUpdate(UpdateModel):
    not_nullable = frozenset({"name", "aliases"})

    name: Name | None = None
    aliases: list[Alias] | None = Field(default=None, max_length=10)
    office: Name | None = None


class CandidateRead(ResponseModel):
    id: uuid.UUID
    election_id: uuid.UUID
    name: str
    aliases: list[str]
    office: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


# Reviews ----------------------------------------------------------------------------------


class ReviewDecision(RequestModel):
    outcome: ReviewOutcome = Field(
        description="approve: publish or show it; reject: block or hide it; override: the "
        "decision given here"
    )
    decision: Decision | None = Field(
        default=None, description="With `override` only: the decision that stands"
    )
    reason: Reason

    @model_validator(mode="after")
    def _decision_only_with_override(self) -> ReviewDecision:
        if (self.outcome is ReviewOutcome.OVERRIDE) != (self.decision is not None):
            raise ValueError("`decision` is given with an override, and only then")
        return self


class ReviewRead(ResponseModel):
    id: uuid.UUID
    screening_id: uuid.UUID
    kind: ContentKind
    account_id: uuid.UUID | None
    status: ReviewStatus
    opened_at: dt.datetime
    engine_decision: Decision
    categories: list[Category]
    outcome: ReviewOutcome | None
    final_decision: Decision | None
    reason: str | None
    decided_by: str | None
    decided_at: dt.datetime | None
    version: int


def rule_view(rule: dict[str, Any]) -> dict[str, Any]:
    """A stored rule as the contract shows it."""
    return {
        "severity": rule["severity"],
        "actions": rule["actions"],
        "clause_ref": rule.get("clause_ref"),
        "comment_clause_ref": rule.get("comment_clause_ref"),
        "remove_from": rule.get("remove_from", Severity.LOW.value),
    }
