"""Who may see a comment, act on it and decide about it.

Comments are seen through their account: whoever reaches the account (app.accounts) reaches
its comments, and anything else is a 404. Acting on a comment takes a named person who is a
trained moderator, holding a moderator grant on the account unless they act for the whole
city (approvers). Deciding a block or an appeal takes someone other than the people who
acted; an approver (the CAO or a designate, who decides reconsiderations under the terms of
engagement) or a trained moderator of the account."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.accounts import service as accounts
from app.accounts.errors import AccountNotFound
from app.accounts.models import Account
from app.core.actor import Actor, Role
from app.core.errors import ProblemError
from app.core.vocabulary import GrantRole
from app.moderation import repository
from app.moderation.errors import (
    CommentNotFound,
    DecisionByConflictedPerson,
    ModeratorGrantRequired,
    ModeratorNotEligible,
    ModeratorPersonRequired,
)
from app.moderation.models import Comment
from app.training import service as training
from app.training.service import TrainingRules

_CITY_WIDE = frozenset({Role.ADMIN, Role.APPROVER})


def acts_for_the_city(actor: Actor) -> bool:
    return not actor.roles.isdisjoint(_CITY_WIDE)


def reachable_account(session: Session, actor: Actor, account_id: uuid.UUID) -> Account:
    return accounts.get_account(session, actor, account_id)


def account_reachable(session: Session, actor: Actor, account_id: uuid.UUID) -> bool:
    try:
        reachable_account(session, actor, account_id)
    except AccountNotFound:
        return False
    return True


class _OnAccount(Protocol):
    account_id: uuid.UUID


Row = TypeVar("Row", bound=_OnAccount)


def in_reach(session: Session, actor: Actor, row: Row | None, missing: ProblemError) -> Row:
    """``row`` when the actor reaches its account; otherwise ``missing``, as for no row."""
    if row is None or not account_reachable(session, actor, row.account_id):
        raise missing
    return row


def list_scope(
    session: Session, actor: Actor, filters: dict[str, Any]
) -> Select[tuple[uuid.UUID]] | None:
    """The accounts a list may show the actor (None: all); a named account out of reach is
    a 404, as if it did not exist."""
    if filters.get("account_id") is not None:
        reachable_account(session, actor, filters["account_id"])
    return accounts.visible_account_ids(actor)


def reachable_comment(
    session: Session, actor: Actor, comment_id: uuid.UUID, *, lock: bool = False
) -> Comment:
    comment = repository.get_comment(session, comment_id, lock=lock)
    return in_reach(session, actor, comment, CommentNotFound(f"No comment has id {comment_id}."))


def acting_person(actor: Actor) -> uuid.UUID:
    if actor.person_id is None:
        raise ModeratorPersonRequired(
            "Moderation decisions are recorded with the person who made them: use a key or "
            "sign-in that belongs to a person."
        )
    return actor.person_id


def _require_trained(session: Session, rules: TrainingRules, person_id: uuid.UUID) -> None:
    verdict = training.eligibility_of(session, rules, [person_id], GrantRole.MODERATOR)[person_id]
    if not verdict.eligible:
        gaps = [gap.message for gap in verdict.gaps]
        raise ModeratorNotEligible(
            "Your moderator training or policy acknowledgement is not current: " + "; ".join(gaps),
            gaps=gaps,
        )


def _require_grant(
    session: Session, actor: Actor, person_id: uuid.UUID, account_id: uuid.UUID
) -> None:
    if acts_for_the_city(actor):
        return
    if not accounts.holds_grant(session, account_id, person_id, GrantRole.MODERATOR):
        raise ModeratorGrantRequired(
            "Only a moderator of this account (or an approver) may moderate its comments."
        )


def require_moderator(
    session: Session, actor: Actor, rules: TrainingRules, account_id: uuid.UUID
) -> uuid.UUID:
    """The acting person, who must be a trained moderator of the account (any account, for
    an approver). Every action on a comment goes through here."""
    person_id = acting_person(actor)
    _require_grant(session, actor, person_id, account_id)
    _require_trained(session, rules, person_id)
    return person_id


def require_decider(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    conflicted: Collection[uuid.UUID | None],
    what: str,
) -> uuid.UUID:
    """The acting person, who must not be among ``conflicted`` (the people who acted) and,
    unless an approver, must be a trained moderator of the account."""
    person_id = acting_person(actor)
    if person_id in conflicted:
        raise DecisionByConflictedPerson(
            f"You took part in the action; {what} must be decided by another person."
        )
    if not acts_for_the_city(actor):
        _require_grant(session, actor, person_id, account_id)
        _require_trained(session, rules, person_id)
    return person_id
