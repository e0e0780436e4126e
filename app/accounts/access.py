"""Who reaches which account. Administrators, approvers, auditors and integrations act for the
whole city; a moderator or staff member reaches only the accounts they hold a grant on in
effect (or asked for). Anything else answers as if the account did not exist: a 404, never a
403 that would confirm it does."""

from __future__ import annotations

import uuid

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.accounts import repository
from app.accounts.errors import AccountNotFound, AccountOwnerRequired, ApproverRequired
from app.accounts.models import Account
from app.core.actor import Actor, Role
from app.core.db import utcnow
from app.core.vocabulary import GrantRole
from app.training import service as training
from app.training.service import TrainingRules

CITY_WIDE_ROLES = frozenset({Role.ADMIN, Role.APPROVER, Role.AUDITOR, Role.INTEGRATION})
_NOBODY = uuid.UUID(int=0)


def is_city_wide(actor: Actor) -> bool:
    return not actor.roles.isdisjoint(CITY_WIDE_ROLES)


def is_approver(actor: Actor) -> bool:
    return not actor.roles.isdisjoint({Role.ADMIN, Role.APPROVER})


def visible_accounts(actor: Actor) -> Select[tuple[uuid.UUID]] | None:
    """A query of the account ids the actor reaches; None when that is every account."""
    if is_city_wide(actor):
        return None
    return repository.visible_to(actor.person_id or _NOBODY, actor.id, utcnow())


def reachable_account(
    session: Session, actor: Actor, account_id: uuid.UUID, *, lock: bool = False
) -> Account:
    account = repository.get_account(session, account_id, lock=lock)
    visible = visible_accounts(actor)
    if account is None or (
        visible is not None and not repository.is_among(session, account_id, visible)
    ):
        raise AccountNotFound(f"No account has id {account_id}.")
    return account


def require_owner(session: Session, actor: Actor, rules: TrainingRules, account: Account) -> None:
    """Approvers and administrators manage every account; anyone else must own this one,
    with the owner's training and policy acknowledgement current (a suspended owner
    manages nothing)."""
    if is_approver(actor):
        return
    if (
        actor.person_id is not None
        and repository.holds_role(session, account.id, actor.person_id, GrantRole.OWNER, utcnow())
        and training.eligibility_of(session, rules, [actor.person_id], GrantRole.OWNER)[
            actor.person_id
        ].eligible
    ):
        return
    raise AccountOwnerRequired(
        "Only an owner of this account (whose training is current), an approver or an "
        "administrator may do this."
    )


def require_approver(actor: Actor, what: str) -> None:
    if not is_approver(actor):
        raise ApproverRequired(f"Only an approver or an administrator may {what}.")
