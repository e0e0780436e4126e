"""Public comments and what moderators do about them.

A comment arrives from a city system, is screened, and is kept as posted. Screening only
advises: nothing is hidden without a person (automatic hiding by keyword on a government
page is a free-speech question). A moderator's hide, restore, delete, block, unblock or keep
cites a reason code from the published list and the clause it enforces, and is written to
the ledger for good; a block takes effect only when a second person approves it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.accounts.errors import AccountNotOpen
from app.accounts.models import AccountStatus
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.moderation import repository
from app.moderation.access import (
    in_reach,
    list_scope,
    reachable_account,
    reachable_comment,
    require_decider,
    require_moderator,
)
from app.moderation.appeals import notice_for
from app.moderation.errors import (
    ActionNotFound,
    BlockAlreadyDecided,
    BlockNotFound,
    CommentAlreadyRecorded,
    CommentInvalid,
)
from app.moderation.ledger import apply_action, author_key, extend_retention
from app.moderation.models import (
    ActionKind,
    AuthorBlock,
    BlockStatus,
    Comment,
    CommentStatus,
    ModerationAction,
    RetentionClass,
)
from app.moderation.reason_codes import usable_reason
from app.moderation.rules import ModerationRules
from app.moderation.schemas import (
    ActionCreate,
    ActionOutcome,
    AppealRead,
    BlockDecision,
    BlockRead,
    CommentCreate,
    CommentDetail,
    CommentRead,
)
from app.moderation.views import action_read
from app.screening import service as screening
from app.screening.dependencies import EngineCache
from app.screening.schemas import ScreeningRequest
from app.training.service import TrainingRules

# Clocks of city systems drift; a comment a few minutes "in the future" is not an error.
_CLOCK_SKEW = dt.timedelta(minutes=5)
_FLAGGED = frozenset({"review", "hide"})

# Comments in ------------------------------------------------------------------------------


def _same_comment(comment: Comment, data: CommentCreate) -> bool:
    return (
        comment.author_handle == data.author_handle
        and comment.text == data.text
        and comment.posted_at == data.posted_at.astimezone(dt.UTC)
    )


def record_comment(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    engines: EngineCache,
    data: CommentCreate,
) -> tuple[CommentDetail, bool]:
    """Capture a comment, screen it and keep both; the same comment sent again is
    recognised (False: nothing new was written)."""
    account = reachable_account(session, actor, data.account_id)
    existing = repository.comment_with_external_id(session, account.id, data.external_id)
    if existing is not None:
        if not _same_comment(existing, data):
            raise CommentAlreadyRecorded(
                f"Comment {data.external_id} of account {account.id} is recorded with another "
                f"author, text or time (comment {existing.id}).",
                comment_id=str(existing.id),
            )
        return detail(session, existing), False
    if account.status not in (AccountStatus.ACTIVE, AccountStatus.DORMANT):
        raise AccountNotOpen(
            f"Account {account.id} is {account.status}: comments are captured from accounts in use."
        )
    now = utcnow()
    if data.posted_at > now + _CLOCK_SKEW:
        raise CommentInvalid("posted_at is in the future.")
    (verdict,) = screening.screen(
        session,
        actor,
        [
            ScreeningRequest.model_validate(
                {
                    "text": data.text,
                    "kind": "comment",
                    "account_id": account.id,
                    "platform": account.platform,
                    "at": data.posted_at,
                }
            )
        ],
        engines,
        open_reviews=False,  # the comment itself is the moderation queue
    )
    comment = Comment(
        id=uuid.uuid4(),
        account_id=account.id,
        external_id=data.external_id,
        author_handle=data.author_handle,
        author_key=author_key(data.author_handle),
        text=data.text,
        posted_at=data.posted_at,
        received_at=now,
        submitted_by=actor.name,
        screening_id=verdict.id,
        screening_decision=verdict.decision.value,
        screening_categories=sorted({f.category.value for f in verdict.findings}),
        status=CommentStatus.VISIBLE,
        needs_review=verdict.decision.value in _FLAGGED,
        retention_class=RetentionClass.COMMENT,
        retain_until=rules.town_date(data.posted_at) + dt.timedelta(days=rules.comment_days),
    )
    repository.add(session, comment)
    return detail(session, comment, screening_read=verdict), True


# Reading ----------------------------------------------------------------------------------


def detail(session: Session, comment: Comment, *, screening_read: Any = None) -> CommentDetail:
    if screening_read is None and comment.screening_id is not None:
        screening_read = screening.get_screening(session, comment.screening_id)
    block = repository.open_block(session, comment.account_id, comment.author_key)
    return CommentDetail(
        **CommentRead.model_validate(comment).model_dump(),
        screening=screening_read,
        actions=[action_read(a) for a in repository.actions_of(session, comment.id)],
        appeals=[AppealRead.model_validate(a) for a in repository.appeals_of(session, comment.id)],
        block=BlockRead.model_validate(block) if block is not None else None,
    )


def get_comment(session: Session, actor: Actor, comment_id: uuid.UUID) -> CommentDetail:
    return detail(session, reachable_comment(session, actor, comment_id))


def list_comments(
    session: Session,
    actor: Actor,
    params: PageParams,
    *,
    filters: dict[str, Any],
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> tuple[Sequence[Comment], int]:
    """Comments newest first, on the accounts the actor reaches."""
    visible = list_scope(session, actor, filters)
    if "author_handle" in filters:
        filters["author_key"] = author_key(filters.pop("author_handle"))
    return repository.list_comments(
        session,
        visible=visible,
        filters=filters,
        since=since,
        until=until,
        offset=params.offset,
        limit=params.page_size,
    )


def get_action(session: Session, actor: Actor, action_id: uuid.UUID) -> ModerationAction:
    action = repository.get_action(session, action_id)
    return in_reach(
        session, actor, action, ActionNotFound(f"No moderation action has id {action_id}.")
    )


def list_actions(
    session: Session,
    actor: Actor,
    params: PageParams,
    *,
    filters: dict[str, Any],
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> tuple[Sequence[ModerationAction], int]:
    return repository.list_actions(
        session,
        visible=list_scope(session, actor, filters),
        filters=filters,
        since=since,
        until=until,
        offset=params.offset,
        limit=params.page_size,
    )


# Acting -----------------------------------------------------------------------------------


def act_on_comment(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    training_rules: TrainingRules,
    comment_id: uuid.UUID,
    data: ActionCreate,
    expected_version: int,
) -> ActionOutcome:
    """A trained moderator's action on a comment, citing a published reason."""
    comment = reachable_comment(session, actor, comment_id, lock=True)
    check_version(comment.version, expected_version)
    person_id = require_moderator(session, actor, training_rules, comment.account_id)
    code, citation = usable_reason(session, rules, data.reason_code, data.action, rules.town_date())
    action, block = apply_action(
        session, actor, rules, comment, person_id, data.action, (code.code, citation), data.note
    )
    notice = (
        notice_for(session, actor, rules, action, comment)
        if data.action in (ActionKind.HIDE, ActionKind.DELETE)
        else None
    )
    return ActionOutcome(
        action=action_read(action),
        comment=CommentRead.model_validate(comment),
        block=BlockRead.model_validate(block) if block is not None else None,
        notice=notice,
    )


# Blocks -----------------------------------------------------------------------------------


def get_block(
    session: Session, actor: Actor, block_id: uuid.UUID, *, lock: bool = False
) -> AuthorBlock:
    block = repository.get_block(session, block_id, lock=lock)
    return in_reach(session, actor, block, BlockNotFound(f"No block has id {block_id}."))


def list_blocks(
    session: Session, actor: Actor, params: PageParams, *, filters: dict[str, Any]
) -> tuple[Sequence[AuthorBlock], int]:
    return repository.list_blocks(
        session,
        visible=list_scope(session, actor, filters),
        filters=filters,
        offset=params.offset,
        limit=params.page_size,
    )


def decide_block(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    training_rules: TrainingRules,
    block_id: uuid.UUID,
    decision: BlockDecision,
    expected_version: int,
) -> AuthorBlock:
    """A second person approves or rejects a block; it takes effect only when approved."""
    block = get_block(session, actor, block_id, lock=True)
    check_version(block.version, expected_version)
    if block.status != BlockStatus.PENDING:
        raise BlockAlreadyDecided(f"Block {block.id} is {block.status}.")
    person_id = require_decider(
        session,
        actor,
        training_rules,
        block.account_id,
        {block.requested_by_person_id},
        "a block",
    )
    now = utcnow()
    before = {"status": block.status}
    block.status = BlockStatus.ACTIVE if decision.approve else BlockStatus.REJECTED
    block.decided_by = actor.name
    block.decided_by_person_id = person_id
    block.decided_at = now
    block.decision_reason = decision.reason
    action = repository.get_action(session, block.requested_action_id)
    assert action is not None
    comment = repository.get_comment(session, action.comment_id)
    assert comment is not None
    extend_retention(comment, rules, now)
    session.flush()
    audit.record(
        session,
        actor,
        "author_block.approved" if decision.approve else "author_block.rejected",
        "author_block",
        block.id,
        before=before,
        after={"status": block.status, "reason": decision.reason},
    )
    return block
