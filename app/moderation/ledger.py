"""The ledger: every action on a comment is written here once and never changed, and the
comment (or its author's block) follows it. Who may act is checked before this is reached."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.moderation import repository
from app.moderation.errors import ActionNotAllowed
from app.moderation.models import (
    ActionKind,
    AuthorBlock,
    BlockStatus,
    Comment,
    CommentStatus,
    ModerationAction,
    RetentionClass,
)
from app.moderation.rules import ModerationRules
from app.moderation.schemas import EnforcedClause

# What each action does to the comment: the statuses it applies to, and the status after
# (None: unchanged).
VISIBLE, HIDDEN, DELETED = CommentStatus
_TRANSITIONS: dict[ActionKind, tuple[frozenset[CommentStatus], CommentStatus | None]] = {
    ActionKind.HIDE: (frozenset({VISIBLE}), HIDDEN),
    ActionKind.RESTORE: (frozenset({HIDDEN, DELETED}), VISIBLE),
    ActionKind.DELETE: (frozenset({VISIBLE, HIDDEN}), DELETED),
    ActionKind.KEEP: (frozenset({VISIBLE}), None),
    ActionKind.BLOCK: (frozenset(CommentStatus), None),
    ActionKind.UNBLOCK: (frozenset(CommentStatus), None),
}


def author_key(handle: str) -> str:
    """A handle as blocks and holds compare it: "@Resident_1" and "resident_1" are one."""
    return handle.strip().lstrip("@").casefold()


def extend_retention(comment: Comment, rules: ModerationRules, at: dt.datetime) -> None:
    """A moderated comment is kept for the moderated period from its latest decision; the
    date never moves earlier."""
    comment.retention_class = RetentionClass.MODERATED_COMMENT
    until = rules.town_date(at) + dt.timedelta(days=rules.moderated_comment_days)
    comment.retain_until = max(comment.retain_until, until)


def comment_view(comment: Comment) -> dict[str, Any]:
    """What the audit trail keeps of a comment's state (never its text: the record is the
    comment itself)."""
    return {
        "status": comment.status,
        "needs_review": comment.needs_review,
        "retention_class": comment.retention_class,
        "retain_until": comment.retain_until.isoformat(),
    }


def apply_action(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    comment: Comment,
    person_id: uuid.UUID,
    kind: ActionKind,
    reason: tuple[str, EnforcedClause],
    note: str | None,
) -> tuple[ModerationAction, AuthorBlock | None]:
    """Write one action to the ledger and apply it to the comment (or its author's block).
    The caller has checked who is acting."""
    allowed_from, status_after = _TRANSITIONS[kind]
    if comment.status not in allowed_from:
        raise ActionNotAllowed(f"A {comment.status} comment cannot be given a {kind}.")
    block = repository.open_block(session, comment.account_id, comment.author_key)
    if kind == ActionKind.BLOCK and block is not None:
        raise ActionNotAllowed(
            f"{comment.author_handle} is already blocked on this account or a block awaits "
            f"approval (block {block.id}).",
            block_id=str(block.id),
        )
    if kind == ActionKind.UNBLOCK and (block is None or block.status != BlockStatus.ACTIVE):
        raise ActionNotAllowed(
            f"{comment.author_handle} is not blocked on this account"
            + (" (the block still awaits approval: decide it instead)." if block else ".")
        )
    code, citation = reason
    now = utcnow()
    before = comment_view(comment)
    action = ModerationAction(
        id=uuid.uuid4(),
        comment_id=comment.id,
        account_id=comment.account_id,
        author_key=comment.author_key,
        action=kind,
        reason_code=code,
        clause_policy_id=citation.policy_id,
        clause_version_id=citation.version_id,
        clause_version_label=citation.version_label,
        clause_ref=citation.ref,
        clause_title=citation.title,
        note=note,
        status_before=comment.status,
        status_after=status_after or comment.status,
        moderator_person_id=person_id,
        acted_by=actor.name,
        acted_by_actor_id=actor.id,
        acted_at=now,
    )
    repository.add(session, action)
    if kind == ActionKind.BLOCK:
        block = AuthorBlock(
            id=uuid.uuid4(),
            account_id=comment.account_id,
            author_handle=comment.author_handle,
            author_key=comment.author_key,
            status=BlockStatus.PENDING,
            requested_action_id=action.id,
            requested_by_person_id=person_id,
            requested_at=now,
        )
        repository.add(session, block)
    elif kind == ActionKind.UNBLOCK:
        assert block is not None
        block.status = BlockStatus.LIFTED
        block.lifted_action_id = action.id
        block.lifted_at = now
    comment.status = action.status_after
    comment.needs_review = False
    comment.last_action_at = now
    extend_retention(comment, rules, now)
    session.flush()
    audit.record(
        session,
        actor,
        f"comment.{kind.value}",
        "comment",
        comment.id,
        before=before,
        after={
            **comment_view(comment),
            "action_id": str(action.id),
            "reason_code": code,
            "clause": citation.ref,
            "policy_version": citation.version_label,
        },
    )
    return action, block if kind in (ActionKind.BLOCK, ActionKind.UNBLOCK) else None
