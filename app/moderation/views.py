"""Rows as the API shows them."""

from __future__ import annotations

from app.moderation.models import ModerationAction
from app.moderation.schemas import ActionRead, EnforcedClause


def citation_of(action: ModerationAction) -> EnforcedClause:
    return EnforcedClause(
        policy_id=action.clause_policy_id,
        version_id=action.clause_version_id,
        version_label=action.clause_version_label,
        ref=action.clause_ref,
        title=action.clause_title,
    )


def action_read(action: ModerationAction) -> ActionRead:
    return ActionRead(
        id=action.id,
        comment_id=action.comment_id,
        account_id=action.account_id,
        action=action.action,
        reason_code=action.reason_code,
        clause=citation_of(action),
        note=action.note,
        status_before=action.status_before,
        status_after=action.status_after,
        moderator_person_id=action.moderator_person_id,
        acted_by=action.acted_by,
        acted_at=action.acted_at,
    )
