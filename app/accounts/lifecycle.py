"""An account's statuses and the moves between them, and how an account reads out."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.accounts.errors import AccountTransitionInvalid
from app.accounts.models import Account, AccountStatus
from app.accounts.schemas import AccountRead, AccountSecurity, AccountSummary
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow

# Where each status may go next. Rejected and decommissioned are final.
TRANSITIONS: dict[AccountStatus, frozenset[AccountStatus]] = {
    AccountStatus.REQUESTED: frozenset({AccountStatus.APPROVED, AccountStatus.REJECTED}),
    AccountStatus.APPROVED: frozenset({AccountStatus.ACTIVE, AccountStatus.DECOMMISSIONED}),
    AccountStatus.ACTIVE: frozenset({AccountStatus.DORMANT, AccountStatus.DECOMMISSIONED}),
    AccountStatus.DORMANT: frozenset({AccountStatus.ACTIVE, AccountStatus.DECOMMISSIONED}),
    AccountStatus.REJECTED: frozenset(),
    AccountStatus.DECOMMISSIONED: frozenset(),
}

_READ_FIELDS = tuple(name for name in AccountRead.model_fields if name != "security")


def account_read(account: Account) -> AccountRead:
    return AccountRead.model_validate(
        {
            **{name: getattr(account, name) for name in _READ_FIELDS},
            "security": AccountSecurity.model_validate(account),
        }
    )


def summary(account: Account) -> AccountSummary:
    return AccountSummary.model_validate(account)


def view(account: Account) -> dict[str, Any]:
    """The account as audit entries record it."""
    return account_read(account).model_dump(mode="json")


def move(
    session: Session,
    actor: Actor,
    account: Account,
    to: AccountStatus,
    reason: str,
    action: str,
    **changes: Any,
) -> Account:
    """Move the account to ``to`` (with ``changes`` to its fields), or refuse with 409
    naming where it can go."""
    if to not in TRANSITIONS[account.status]:
        allowed = ", ".join(sorted(TRANSITIONS[account.status])) or "none (it is final)"
        raise AccountTransitionInvalid(
            f"Account {account.id} is {account.status}; it can move to: {allowed}.",
            current_status=str(account.status),
        )
    before = view(account)
    account.status = to
    account.status_changed_at = utcnow()
    account.status_reason = reason
    for field, value in changes.items():
        setattr(account, field, value)
    session.flush()
    audit.record(session, actor, action, "account", account.id, before=before, after=view(account))
    return account
