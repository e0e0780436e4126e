from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from app.core.schemas import (
    IsoDate,
    IsoDateTime,
    RequestModel,
    ResponseModel,
    SecretFreeModel,
    UpdateModel,
)
from app.moderation.models import (
    ActionKind,
    AppealStatus,
    BlockStatus,
    CommentStatus,
    RetentionClass,
)
from app.policies.vocabulary import normalize_ref
from app.screening.schemas import ScreenedText, ScreeningRead

CODE_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32}$"  # noqa: S105 (a shape)


def _one_line(value: str) -> str:
    if any(ch in value for ch in "\r\n\t\x00"):
        raise ValueError("must be a single line of text")
    return value


def _no_duplicates(values: list[ActionKind]) -> list[ActionKind]:
    if len(set(values)) != len(values):
        raise ValueError("name each action once")
    return values


ReasonCodeValue = Annotated[
    str, StringConstraints(min_length=2, max_length=64, pattern=CODE_PATTERN)
]
Label = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line)]
Description = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


def _clause_ref(value: str) -> str:
    canonical = normalize_ref(value)
    if canonical is None or len(canonical) > 40:
        raise ValueError("expected a clause reference, e.g. 16.1(e) or Section 16.1 (E)")
    return canonical


ClauseRef = Annotated[
    str, StringConstraints(min_length=1, max_length=60), AfterValidator(_clause_ref)
]
Reason = Annotated[str, StringConstraints(min_length=3, max_length=2000)]
Note = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Handle = Annotated[str, StringConstraints(min_length=1, max_length=320), AfterValidator(_one_line)]
ExternalId = Annotated[
    str, StringConstraints(min_length=1, max_length=200), AfterValidator(_one_line)
]
ActionList = Annotated[
    list[ActionKind], Field(min_length=1, max_length=6), AfterValidator(_no_duplicates)
]


class EnforcedClause(ResponseModel):
    """The clause a moderation decision enforces, as it read in the version in force."""

    policy_id: uuid.UUID
    version_id: uuid.UUID
    version_label: str = Field(examples=["2024"])
    ref: str = Field(examples=["16.1(e)"])
    title: str | None = Field(examples=["Comments that may be hidden, 16.1(e)"])


# Reason codes -----------------------------------------------------------------------------


class ReasonCodeCreate(SecretFreeModel):
    code: ReasonCodeValue = Field(examples=["personal_information"])
    label: Label = Field(examples=["Personal information"])
    description: Description = Field(
        description="What the reason means, as published to the public, in words that name "
        "conduct and never a viewpoint",
        examples=["Discloses personal information about a person, such as a home address."],
    )
    clause_ref: ClauseRef = Field(
        description="The clause of the terms of engagement it enforces, in the moderation "
        "policy's version in force",
        examples=["16.1(e)"],
    )
    actions: ActionList = Field(
        description="The actions it may justify", examples=[["hide", "delete", "block"]]
    )


class ReasonCodeUpdate(UpdateModel):
    not_nullable = frozenset({"label", "description", "clause_ref", "actions", "retired"})

    label: Label | None = None
    description: Description | None = None
    clause_ref: ClauseRef | None = None
    actions: ActionList | None = None
    retired: bool | None = Field(
        default=None, strict=True, description="A retired code is listed but cannot be used"
    )


class ReasonCodeRead(ResponseModel):
    code: str
    label: str
    description: str
    clause_ref: str
    clause: EnforcedClause | None = Field(
        description="The clause in the version in force today; null when that version has "
        "no such clause (the code cannot be used until the list is revised)"
    )
    actions: list[ActionKind]
    retired_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


# Comments ---------------------------------------------------------------------------------


class CommentCreate(RequestModel):
    """A public comment as read from the platform by a city system."""

    account_id: uuid.UUID = Field(description="The official account it was posted on")
    external_id: ExternalId = Field(
        description="The platform's id of the comment", examples=["10158812345_99123"]
    )
    author_handle: Handle = Field(examples=["@riverside_resident"])
    text: ScreenedText
    posted_at: IsoDateTime = Field(examples=["2026-11-30T18:04:00Z"])


class CommentRead(ResponseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    external_id: str
    author_handle: str
    text: str = Field(description="The comment as posted: it is kept as a town record")
    posted_at: dt.datetime
    received_at: dt.datetime
    status: CommentStatus
    needs_review: bool = Field(
        description="Screening flagged it and no moderator has acted on it yet"
    )
    screening_id: uuid.UUID | None
    screening_decision: str = Field(
        description="What screening advised: allow, review or hide. Advice only: nothing is "
        "hidden without a moderator"
    )
    screening_categories: list[str]
    last_action_at: dt.datetime | None
    retention_class: RetentionClass
    retain_until: dt.date = Field(description="The first day the purge may remove it")
    version: int


class ActionRead(ResponseModel):
    id: uuid.UUID
    comment_id: uuid.UUID
    account_id: uuid.UUID
    action: ActionKind
    reason_code: str
    clause: EnforcedClause
    note: str | None
    status_before: CommentStatus
    status_after: CommentStatus
    moderator_person_id: uuid.UUID
    acted_by: str
    acted_at: dt.datetime


class BlockRead(ResponseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    author_handle: str
    status: BlockStatus
    requested_action_id: uuid.UUID
    requested_by_person_id: uuid.UUID
    requested_at: dt.datetime
    decided_by: str | None
    decided_by_person_id: uuid.UUID | None
    decided_at: dt.datetime | None
    decision_reason: str | None
    lifted_action_id: uuid.UUID | None
    lifted_at: dt.datetime | None
    version: int


class AppealRead(ResponseModel):
    id: uuid.UUID
    action_id: uuid.UUID
    comment_id: uuid.UUID
    account_id: uuid.UUID
    statement: str
    contact: str | None
    submitted_at: dt.datetime
    status: AppealStatus
    decided_by: str | None
    decided_by_person_id: uuid.UUID | None
    decided_at: dt.datetime | None
    decision_reason: str | None
    remedy_action_id: uuid.UUID | None
    version: int


class CommentDetail(CommentRead):
    screening: ScreeningRead | None = Field(
        description="The screening of the comment, with its findings and the clauses cited"
    )
    actions: list[ActionRead] = Field(description="Every action on it, oldest first")
    appeals: list[AppealRead]
    block: BlockRead | None = Field(
        description="A block of its author on this account, pending or in effect"
    )


class ActionCreate(SecretFreeModel):
    action: ActionKind
    reason_code: ReasonCodeValue = Field(
        description="From the published list (GET /api/v1/moderation/reason-codes)",
        examples=["personal_information"],
    )
    note: Note | None = Field(
        default=None,
        description="Why, for the record (kept with the action; not sent to the commenter)",
    )


class Notice(ResponseModel):
    """What to send the commenter: the rule applied and how to ask for reconsideration."""

    action_id: uuid.UUID
    comment_id: uuid.UUID
    author_handle: str
    action: ActionKind
    clause: EnforcedClause
    text: str
    appeal_token: str = Field(
        description="Proves the commenter received this notice; used once to appeal"
    )
    appeal_deadline: dt.datetime
    appeal_url: str


class ActionOutcome(ResponseModel):
    action: ActionRead
    comment: CommentRead
    block: BlockRead | None = Field(
        description="For block and unblock: the block, pending a second person's approval "
        "after a block"
    )
    notice: Notice | None = Field(
        description="For a hide or delete: the notice to send the commenter (a block's notice "
        "is ready once the block is approved)"
    )


class BlockDecision(SecretFreeModel):
    approve: bool = Field(strict=True)
    reason: Reason = Field(examples=["Third threat this month; approved under 16.2."])


# Appeals ----------------------------------------------------------------------------------


class AppealCreate(RequestModel):
    token: str = Field(
        pattern=TOKEN_PATTERN, description="The token from the notice", examples=["x" * 22]
    )
    statement: Annotated[str, StringConstraints(min_length=1, max_length=5000)] = Field(
        description="Why the commenter asks for reconsideration"
    )
    contact: Annotated[str, StringConstraints(min_length=3, max_length=320)] | None = Field(
        default=None, description="Where to send the answer, if not through the platform"
    )


class AppealReceipt(ResponseModel):
    """What a commenter learns about their appeal: nothing about the town's staff."""

    id: uuid.UUID
    status: AppealStatus
    submitted_at: dt.datetime
    action: ActionKind
    clause: EnforcedClause


class AppealDecision(SecretFreeModel):
    outcome: Literal["upheld", "denied"] = Field(
        description="upheld: the commenter is right and the removal is undone"
    )
    reason: Reason
    reason_code: ReasonCodeValue | None = Field(
        default=None,
        description="When upheld and the removal is still in effect: the reason code of the "
        "restore or unblock that undoes it",
        examples=["reconsidered"],
    )


# Records ----------------------------------------------------------------------------------


class LegalHoldCreate(SecretFreeModel):
    reference: Annotated[
        str, StringConstraints(min_length=1, max_length=100), AfterValidator(_one_line)
    ] = Field(examples=["ATIP-2026-041"])
    reason: Reason = Field(examples=["Access to information request about the arena posts"])
    account_id: uuid.UUID | None = None
    author_handle: Handle | None = None
    posted_from: IsoDate | None = Field(default=None, description="Town date, inclusive")
    posted_to: IsoDate | None = Field(default=None, description="Town date, inclusive")


class LegalHoldRead(ResponseModel):
    id: uuid.UUID
    reference: str
    reason: str
    account_id: uuid.UUID | None
    author_handle: str | None
    posted_from: dt.date | None
    posted_to: dt.date | None
    placed_by: str
    placed_at: dt.datetime
    released_by: str | None
    released_at: dt.datetime | None
    release_reason: str | None
    version: int


class LegalHoldRelease(SecretFreeModel):
    reason: Reason


class PurgeResult(ResponseModel):
    on: dt.date = Field(description="The town date the purge judged retention on")
    dry_run: bool
    purged: list[uuid.UUID] = Field(description="Comments removed (or that would be)")
    kept_by_hold: int = Field(description="Comments past retention kept by a legal hold")
    kept_open: int = Field(description="Past retention, kept for an open appeal or block")


# Neutrality -------------------------------------------------------------------------------


class ReasonCount(ResponseModel):
    reason_code: str
    actions: int
    share: float = Field(description="Of all actions in the period")


class ModeratorCount(ResponseModel):
    person_id: uuid.UUID
    name: str
    actions: int
    removals: int
    appeals: int
    appeals_upheld: int
    outlier: bool


class CommenterCount(ResponseModel):
    author_handle: str
    account_id: uuid.UUID
    removals: int
    moderators: int = Field(description="How many different people acted against them")
    outlier: bool


class NeutralityReport(ResponseModel):
    from_: dt.date | None = Field(serialization_alias="from")
    to: dt.date | None
    account_id: uuid.UUID | None
    actions: int
    removals: int
    by_reason_code: list[ReasonCount]
    by_moderator: list[ModeratorCount]
    by_commenter: list[CommenterCount] = Field(
        description="The 100 commenters with the most removals (outliers always included)"
    )
    method: str = Field(description="How outliers are found")
