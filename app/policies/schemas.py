from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from app.core.schemas import IsoDate, RequestModel, ResponseModel, UpdateModel
from app.policies.vocabulary import (
    REF_INPUT_PATTERN,
    TOPIC_PATTERN,
    AccountKind,
    ClauseKind,
    CoveredPersonType,
    PolicyRole,
    VersionStatus,
)

PolicyCode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=2,
        max_length=64,
        pattern=r"^[A-Za-z0-9-]+$",
    ),
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Label = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][\w .-]*$"
    ),
]
Reference = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=64, pattern=REF_INPUT_PATTERN
    ),
]
Topic = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, max_length=40, pattern=TOPIC_PATTERN),
]
ClauseText = Annotated[str, StringConstraints(max_length=20_000)]
LongText = Annotated[str, StringConstraints(max_length=2_000)]


# Policies ---------------------------------------------------------------------------------


class PolicyCreate(RequestModel):
    code: PolicyCode = Field(examples=["social-media"], description="A short stable name")
    title: Title = Field(examples=["Social Media Policy"])
    description: LongText | None = None


class PolicyUpdate(UpdateModel):
    not_nullable = frozenset({"title"})

    title: Title | None = None
    description: LongText | None = None


class PolicyRead(ResponseModel):
    id: uuid.UUID
    code: str
    title: str
    description: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


# Coverage rules ---------------------------------------------------------------------------


class CoverageRule(RequestModel):
    """Who and what a version covers, stated as data and cited in coverage answers."""

    effect: Literal["include", "exclude", "exempt"] = Field(
        description="include: within scope; exclude: outside scope; exempt: an activity the "
        "policy does not govern"
    )
    person_types: list[CoveredPersonType] = Field(
        default_factory=list, max_length=len(CoveredPersonType), description="Empty: any"
    )
    account_kinds: list[AccountKind] = Field(
        default_factory=list, max_length=len(AccountKind), description="Empty: any"
    )
    town_business: bool | None = Field(
        default=None, strict=True, description="Matches only this answer; null: either"
    )
    clause: Reference = Field(description="The clause that states the rule", examples=["2.3"])
    still_applies: list[Reference] = Field(
        default_factory=list,
        max_length=50,
        description="For exempt: clauses that apply all the same",
    )

    @model_validator(mode="after")
    def _still_applies_only_for_exemptions(self) -> CoverageRule:
        if self.still_applies and self.effect != "exempt":
            raise ValueError("still_applies is only for exempt rules")
        return self


CoverageRules = Annotated[list[CoverageRule], Field(max_length=100)]


# Versions ---------------------------------------------------------------------------------


class Vote(RequestModel):
    in_favour: int = Field(ge=0, le=1000)
    opposed: int = Field(ge=0, le=1000)
    abstained: int = Field(default=0, ge=0, le=1000)


class ClauseCreate(RequestModel):
    ref: Reference = Field(examples=["4.2(c)"])
    parent_ref: Reference | None = Field(
        default=None, description="Null for a top-level clause", examples=["4.2"]
    )
    title: Annotated[str, StringConstraints(max_length=500)] | None = None
    text: ClauseText = ""
    kind: ClauseKind = ClauseKind.OTHER
    term: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = Field(
        default=None, description="For definitions: the term defined"
    )
    role: PolicyRole | None = Field(default=None, description="For role clauses: whose")
    topics: list[Topic] = Field(default_factory=list, max_length=20)
    applies_to: list[CoveredPersonType] = Field(
        default_factory=list,
        max_length=len(CoveredPersonType),
        description="Person types the clause applies to; empty: everyone the policy covers",
    )

    @model_validator(mode="after")
    def _term_only_for_definitions(self) -> ClauseCreate:
        if self.term is not None and self.kind != ClauseKind.DEFINITION:
            raise ValueError("term is only for clauses of kind definition")
        return self


class VersionCreate(RequestModel):
    """A new draft: its clauses, or a copy of another version's clauses to revise."""

    label: Label = Field(examples=["2024"])
    summary: LongText | None = None
    effective_from: IsoDate | None = None
    based_on_version_id: uuid.UUID | None = Field(
        default=None, description="Start from a copy of this version's clauses and rules"
    )
    coverage_rules: CoverageRules | None = None
    clauses: list[ClauseCreate] | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_source(self) -> VersionCreate:
        if self.based_on_version_id is not None and self.clauses is not None:
            raise ValueError("give clauses or based_on_version_id, not both")
        return self


class VersionUpdate(UpdateModel):
    not_nullable = frozenset({"label", "coverage_rules"})

    label: Label | None = None
    summary: LongText | None = None
    effective_from: IsoDate | None = None
    coverage_rules: CoverageRules | None = None


class Adoption(RequestModel):
    """How the version was adopted: by whom (the body), when, by which motion and vote."""

    adopted_on: IsoDate = Field(description="The date of the decision")
    effective_from: IsoDate | None = Field(
        default=None, description="When it takes effect; default: adopted_on"
    )
    body: Title = Field(examples=["Town Council"])
    reference: Title = Field(
        description="Motion, resolution or by-law number", examples=["Resolution 2024-117"]
    )
    meeting_on: IsoDate | None = Field(default=None, description="The meeting's date")
    vote: Vote | None = None


class Repeal(RequestModel):
    repealed_on: IsoDate = Field(description="The first day the version no longer applies")
    reference: Title = Field(examples=["Resolution 2026-031"])


class AdoptionRecord(ResponseModel):
    adopted_on: IsoDate
    body: str | None
    reference: str | None
    meeting_on: IsoDate | None
    vote: dict[str, int] | None
    recorded_by: str | None = Field(description="Who recorded the adoption in this service")


class RepealRecord(ResponseModel):
    repealed_on: IsoDate
    reference: str | None


class VersionRead(ResponseModel):
    id: uuid.UUID
    policy_id: uuid.UUID
    label: str
    status: VersionStatus
    summary: str | None
    effective_from: IsoDate | None
    effective_to: IsoDate | None = Field(description="Exclusive; null while no successor")
    supersedes_id: uuid.UUID | None
    adoption: AdoptionRecord | None
    repeal: RepealRecord | None
    coverage_rules: list[dict[str, Any]]
    clause_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class VersionSummary(ResponseModel):
    id: uuid.UUID
    label: str
    status: VersionStatus
    effective_from: IsoDate | None
    effective_to: IsoDate | None


# Clauses ----------------------------------------------------------------------------------


class ClauseUpdate(UpdateModel):
    not_nullable = frozenset({"text", "kind", "topics", "applies_to"})

    title: Annotated[str, StringConstraints(max_length=500)] | None = None
    text: ClauseText | None = None
    kind: ClauseKind | None = None
    term: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    role: PolicyRole | None = None
    topics: list[Topic] | None = Field(default=None, max_length=20)
    applies_to: list[CoveredPersonType] | None = Field(
        default=None, max_length=len(CoveredPersonType)
    )


class Citation(ResponseModel):
    """Where a rule is written: enough to quote it and to fetch it."""

    policy_id: uuid.UUID
    version_id: uuid.UUID
    version_label: str
    ref: str
    title: str | None
    kind: ClauseKind


class ClauseRead(ResponseModel):
    id: uuid.UUID
    policy_id: uuid.UUID
    version_id: uuid.UUID
    version_label: str
    ref: str
    parent_ref: str | None
    position: int
    title: str | None
    text: str
    kind: ClauseKind
    term: str | None
    role: PolicyRole | None
    topics: list[str]
    applies_to: list[CoveredPersonType]
    version: int


class ClauseNode(ResponseModel):
    ref: str
    title: str | None
    text: str
    kind: ClauseKind
    term: str | None
    role: PolicyRole | None
    topics: list[str]
    applies_to: list[CoveredPersonType]
    children: list[ClauseNode]


class ClauseTree(ResponseModel):
    policy_id: uuid.UUID
    version: VersionSummary
    clauses: list[ClauseNode]


# Questions --------------------------------------------------------------------------------


class CoverageQuestion(RequestModel):
    person_type: CoveredPersonType
    account_kind: AccountKind
    town_business: bool = Field(strict=True, description="Whether town business is discussed")
    on: IsoDate | None = Field(default=None, description="The date asked about; default today")


class CoverageAnswer(ResponseModel):
    policy_id: uuid.UUID
    version: VersionSummary | None = Field(description="The version in force; null if none was")
    on: IsoDate
    covered: bool = Field(description="Whether any of the policy applies")
    scope: list[Citation] = Field(description="The scope rules that decided coverage")
    exemptions: list[Citation] = Field(description="The exemptions that matched")
    clauses: list[Citation] = Field(description="The clauses that apply, outermost first")
    explanation: str


class SearchHit(ResponseModel):
    policy_id: uuid.UUID
    policy_title: str
    version_id: uuid.UUID
    version_label: str
    ref: str
    title: str | None
    kind: ClauseKind
    topics: list[str]
    snippet: str = Field(
        description="An excerpt of the clause text, HTML-escaped, matched words in <mark>"
    )
    score: float = Field(description="Relevance; higher is better (comparable within a search)")


class WordChange(ResponseModel):
    op: Literal["equal", "insert", "delete"]
    text: str


class FieldChangeRead(ResponseModel):
    field: str
    before: Any
    after: Any


class ClauseBrief(ResponseModel):
    ref: str
    title: str | None
    kind: ClauseKind
    text: str


class ClauseChangeRead(ResponseModel):
    before_ref: str
    after_ref: str
    title: str | None
    fields: list[FieldChangeRead]
    title_diff: list[WordChange] | None
    text_diff: list[WordChange] | None
    similarity: float


class VersionDiff(ResponseModel):
    policy_id: uuid.UUID
    from_version: VersionSummary
    to_version: VersionSummary
    metadata: list[FieldChangeRead] = Field(description="Changed version fields")
    added: list[ClauseBrief]
    removed: list[ClauseBrief]
    changed: list[ClauseChangeRead] = Field(description="Same reference, changed content")
    moved: list[ClauseChangeRead] = Field(description="Content found under another reference")
    unchanged: int


class TermsOfEngagement(ResponseModel):
    policy_id: uuid.UUID
    policy_title: str
    version: VersionSummary
    clauses: list[ClauseRead]
