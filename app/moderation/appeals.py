"""The notice a commenter receives, and reconsideration: asked for with the notice's token,
decided by someone other than the people who acted, the removal undone when upheld."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.core.actor import Actor, ActorKind
from app.core.db import utcnow
from app.core.etag import check_version
from app.core.pagination import PageParams
from app.moderation import repository
from app.moderation.access import in_reach, list_scope, reachable_account, require_decider
from app.moderation.errors import (
    ActionNotFound,
    AppealAlreadyDecided,
    AppealDecisionInvalid,
    AppealMoot,
    AppealNotFound,
    AppealTokenInvalid,
    AppealTokenUsed,
    AppealWindowClosed,
    NoticeNotAvailable,
)
from app.moderation.ledger import apply_action, extend_retention
from app.moderation.models import (
    REMOVALS,
    ActionKind,
    Appeal,
    AppealStatus,
    BlockStatus,
    Comment,
    CommentStatus,
    ModerationAction,
)
from app.moderation.reason_codes import usable_reason
from app.moderation.rules import ModerationRules
from app.moderation.schemas import AppealCreate, AppealDecision, AppealReceipt, Notice
from app.moderation.views import citation_of
from app.training.service import TrainingRules

# Who the audit trail names for an appeal sent through the public endpoint.
PUBLIC_APPELLANT = Actor(kind=ActorKind.SYSTEM, id="public-appeal", name="a commenter")
PUBLIC_APPEAL_PATH = "/api/v1/public/appeals"

_DONE = {
    ActionKind.HIDE: "hidden",
    ActionKind.DELETE: "removed",
    ActionKind.BLOCK: "blocked from commenting",
}


def _removal_since(session: Session, action: ModerationAction) -> dt.datetime | None:
    """When the removal took effect: at once for a hide or delete, on approval for a block
    (None while a block waits or after it was rejected)."""
    if action.action != ActionKind.BLOCK:
        return action.acted_at
    block = repository.block_requested_by(session, action.id)
    if block is None or block.status not in (BlockStatus.ACTIVE, BlockStatus.LIFTED):
        return None
    return block.decided_at


def _still_in_effect(session: Session, action: ModerationAction, comment: Comment) -> bool:
    if action.action == ActionKind.BLOCK:
        block = repository.block_requested_by(session, action.id)
        return block is not None and block.status == BlockStatus.ACTIVE
    return comment.status == action.status_after != CommentStatus.VISIBLE


def notice_for(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    action: ModerationAction,
    comment: Comment,
) -> Notice:
    """The message for the commenter: what was done, under which clause, and how to ask for
    reconsideration (the token proves they received it)."""
    since = _removal_since(session, action) if action.action in REMOVALS else None
    if since is None:
        raise NoticeNotAvailable(
            "Only a hide, a delete or an approved block is notified to the commenter."
        )
    account = reachable_account(session, actor, action.account_id)
    code = repository.get_reason_code(session, action.reason_code)
    assert code is not None
    citation = citation_of(action)
    deadline = rules.appeal_deadline(since)
    last_day = (deadline - dt.timedelta(seconds=1)).astimezone(rules.zone).date()
    token = rules.appeal_token(action.id)
    where = rules.appeal_url or f"{PUBLIC_APPEAL_PATH} (POST, with the code below)"
    subject = (
        f"Your comment of {rules.town_date(comment.posted_at):%B} "
        f"{rules.town_date(comment.posted_at).day}, {rules.town_date(comment.posted_at).year}"
        if action.action != ActionKind.BLOCK
        else "Your account"
    )
    clause = f"clause {citation.ref}" + (f" ({citation.title})" if citation.title else "")
    text = (
        f"{subject} on {account.display_name} was {_DONE[action.action]} by "
        f"{rules.town_name} under {clause} of its terms of engagement "
        f"(policy version {citation.version_label}): {code.label}. {code.description}\n\n"
        f"Comments are not moderated for the views they express. If you think this decision "
        f"is wrong, you may ask for reconsideration until {last_day:%B} {last_day.day}, "
        f"{last_day.year} at {where}, giving this code: {token}\n"
        f"Someone other than the person who made the decision will review it."
    )
    return Notice(
        action_id=action.id,
        comment_id=comment.id,
        author_handle=comment.author_handle,
        action=action.action,
        clause=citation,
        text=text,
        appeal_token=token,
        appeal_deadline=deadline,
        appeal_url=rules.appeal_url or PUBLIC_APPEAL_PATH,
    )


def notice_of_action(
    session: Session, actor: Actor, rules: ModerationRules, action_id: uuid.UUID
) -> Notice:
    action = in_reach(
        session,
        actor,
        repository.get_action(session, action_id),
        ActionNotFound(f"No moderation action has id {action_id}."),
    )
    comment = repository.get_comment(session, action.comment_id)
    assert comment is not None
    return notice_for(session, actor, rules, action, comment)


# Asking -----------------------------------------------------------------------------------


def submit_appeal(session: Session, rules: ModerationRules, data: AppealCreate) -> AppealReceipt:
    """A commenter asks for reconsideration of a removal with the token from its notice."""
    action_id = rules.action_of_token(data.token)
    action = repository.get_action(session, action_id) if action_id is not None else None
    since = _removal_since(session, action) if action is not None else None
    if action is None or action.action not in REMOVALS or since is None:
        raise AppealTokenInvalid("No removal can be appealed with this token.")
    if repository.appeal_of_action(session, action.id) is not None:
        raise AppealTokenUsed("This removal has been appealed already; one appeal each.")
    now = utcnow()
    if now >= rules.appeal_deadline(since):
        raise AppealWindowClosed(
            f"Reconsideration may be asked for within {rules.appeal_days} days of the decision."
        )
    comment = repository.get_comment(session, action.comment_id, lock=True)
    assert comment is not None
    if not _still_in_effect(session, action, comment):
        raise AppealMoot("The removal has been undone already: there is nothing to reconsider.")
    appeal = Appeal(
        id=uuid.uuid4(),
        action_id=action.id,
        comment_id=comment.id,
        account_id=comment.account_id,
        statement=data.statement,
        contact=data.contact,
        submitted_at=now,
        status=AppealStatus.OPEN,
    )
    repository.add(session, appeal)
    audit.record(
        session,
        PUBLIC_APPELLANT,
        "appeal.submitted",
        "appeal",
        appeal.id,
        after={"action_id": str(action.id), "comment_id": str(comment.id), "status": "open"},
    )
    return AppealReceipt(
        id=appeal.id,
        status=appeal.status,
        submitted_at=appeal.submitted_at,
        action=action.action,
        clause=citation_of(action),
    )


# Deciding ---------------------------------------------------------------------------------


def get_appeal(
    session: Session, actor: Actor, appeal_id: uuid.UUID, *, lock: bool = False
) -> Appeal:
    appeal = repository.get_appeal(session, appeal_id, lock=lock)
    return in_reach(session, actor, appeal, AppealNotFound(f"No appeal has id {appeal_id}."))


def list_appeals(
    session: Session, actor: Actor, params: PageParams, *, filters: dict[str, Any]
) -> tuple[Sequence[Appeal], int]:
    return repository.list_appeals(
        session,
        visible=list_scope(session, actor, filters),
        filters=filters,
        offset=params.offset,
        limit=params.page_size,
    )


def decide_appeal(
    session: Session,
    actor: Actor,
    rules: ModerationRules,
    training_rules: TrainingRules,
    appeal_id: uuid.UUID,
    decision: AppealDecision,
    expected_version: int,
) -> Appeal:
    """Uphold (undo the removal) or deny an appeal; never by a person who took part in it."""
    appeal = get_appeal(session, actor, appeal_id, lock=True)
    check_version(appeal.version, expected_version)
    if appeal.status != AppealStatus.OPEN:
        raise AppealAlreadyDecided(f"Appeal {appeal.id} was {appeal.status}.")
    action = repository.get_action(session, appeal.action_id)
    assert action is not None
    block = repository.block_requested_by(session, action.id)
    person_id = require_decider(
        session,
        actor,
        training_rules,
        appeal.account_id,
        {action.moderator_person_id, block.decided_by_person_id if block else None},
        "an appeal",
    )
    comment = repository.get_comment(session, appeal.comment_id, lock=True)
    assert comment is not None
    upheld = decision.outcome == "upheld"
    remedy: ModerationAction | None = None
    if upheld and _still_in_effect(session, action, comment):
        kind = ActionKind.UNBLOCK if action.action == ActionKind.BLOCK else ActionKind.RESTORE
        if decision.reason_code is None:
            raise AppealDecisionInvalid(
                f"Upholding undoes the {action.action}: give the reason_code of the {kind}."
            )
        code, citation = usable_reason(
            session, rules, decision.reason_code, kind, rules.town_date()
        )
        remedy, _ = apply_action(
            session, actor, rules, comment, person_id, kind, (code.code, citation),
            f"Appeal {appeal.id} upheld: {decision.reason}",
        )  # fmt: skip
    now = utcnow()
    appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.DENIED
    appeal.decided_by = actor.name
    appeal.decided_by_person_id = person_id
    appeal.decided_at = now
    appeal.decision_reason = decision.reason
    appeal.remedy_action_id = remedy.id if remedy is not None else None
    extend_retention(comment, rules, now)
    session.flush()
    audit.record(
        session,
        actor,
        f"appeal.{appeal.status}",
        "appeal",
        appeal.id,
        before={"status": "open"},
        after={
            "status": appeal.status,
            "reason": decision.reason,
            "remedy_action_id": str(remedy.id) if remedy else None,
        },
    )
    return appeal
