"""What is wrong with an account's security, from what the registry knows: its declared
posture, its grants and their holders, and its posts. Pure functions over loaded rows: the
per-account view and the city-wide report apply the same rules."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.accounts.models import (
    AccessGrant,
    Account,
    AccountStatus,
    GrantStatus,
    RecoveryContact,
)
from app.core.vocabulary import GrantRole
from app.people.models import PersonStatus


class PostureSeverity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(PostureSeverity)}

# Accounts that exist on a platform (or are about to) and so have a posture to check.
CHECKED_STATUSES = frozenset({AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.DORMANT})


# Roles that need training and the policy acknowledged (app.training decides eligibility).
GATED_ROLES = frozenset({GrantRole.OWNER, GrantRole.PUBLISHER, GrantRole.MODERATOR})


@dataclass(frozen=True, slots=True)
class HeldGrant:
    """A grant with what posture needs to know about its holder."""

    grant: AccessGrant
    holder_status: PersonStatus
    holder_departed_on: dt.date | None
    # Whether the holder may hold the grant's role today (always True for ungated roles).
    eligible: bool = True

    def status(self, now: dt.datetime) -> GrantStatus:
        return grant_status(self.grant, self.holder_status, now, eligible=self.eligible)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: PostureSeverity
    message: str
    person_ids: list[uuid.UUID] = field(default_factory=list)


def grant_status(
    grant: AccessGrant, holder_status: PersonStatus, now: dt.datetime, *, eligible: bool = True
) -> GrantStatus:
    """A grant's effective status at ``now``; ``eligible``: whether the holder may hold its
    role now (training and policy acknowledgement)."""
    if grant.revoked_at is not None:
        return GrantStatus.REVOKED
    if holder_status == PersonStatus.DEPARTED:
        return GrantStatus.HOLDER_DEPARTED
    if grant.starts_at > now:
        return GrantStatus.PENDING
    if grant.expires_at is not None and grant.expires_at <= now:
        return GrantStatus.EXPIRED
    if not eligible and grant.role in GATED_ROLES:
        return GrantStatus.SUSPENDED
    return GrantStatus.ACTIVE


def access_ended_at(held: HeldGrant) -> dt.datetime | None:
    """When a departed holder's access through this grant ended: revocation or expiry,
    whichever came first; None while it is still open on the registry's side."""
    ends = [t for t in (held.grant.revoked_at, held.grant.expires_at) if t is not None]
    return min(ends) if ends else None


def needs_rotation(held: HeldGrant, last_rotated_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a departed holder may still know the account's credentials: their grant was
    in effect at some point and the credentials were not changed after it ended."""
    if held.holder_status != PersonStatus.DEPARTED:
        return False
    ended = access_ended_at(held)
    if held.grant.starts_at >= (ended or now):
        return False  # never in effect
    return ended is None or last_rotated_at is None or last_rotated_at < ended


def findings_for(
    account: Account,
    grants: Iterable[HeldGrant],
    *,
    unauthorised_posts: int,
    now: dt.datetime,
) -> list[Finding]:
    """Everything the registry can see wrong with one account, worst first."""
    if account.status not in CHECKED_STATUSES:
        return []
    held = list(grants)
    statuses = [h.status(now) for h in held]
    active = [h for h, status in zip(held, statuses, strict=True) if status == GrantStatus.ACTIVE]
    found: list[Finding] = []

    if not any(h.grant.role == GrantRole.OWNER for h in active):
        found.append(
            Finding(
                "no_owner", PostureSeverity.HIGH, "No named person holds an owner grant in effect."
            )
        )
    publishers = {
        h.grant.person_id for h in active if h.grant.role in (GrantRole.OWNER, GrantRole.PUBLISHER)
    }
    if len(publishers) < 2:
        found.append(
            Finding(
                "too_few_publishers",
                PostureSeverity.MEDIUM,
                f"{len(publishers)} named publisher(s); the policy asks for at least two, "
                "so that someone can always post and answer.",
            )
        )
    departed = _people(
        h for h, status in zip(held, statuses, strict=True) if status == GrantStatus.HOLDER_DEPARTED
    )
    if departed:
        found.append(
            Finding(
                "departed_access",
                PostureSeverity.CRITICAL,
                f"{len(departed)} person(s) who left the town still hold unrevoked grants.",
                departed,
            )
        )
    untrained = _people(
        h
        for h, status in zip(held, statuses, strict=True)
        if h.grant.role == GrantRole.MODERATOR and status == GrantStatus.SUSPENDED
    )
    if untrained:
        found.append(
            Finding(
                "moderator_untrained",
                PostureSeverity.HIGH,
                f"{len(untrained)} moderator(s) whose training or policy acknowledgement has "
                "lapsed: their grants are suspended until it is current.",
                untrained,
            )
        )
    if account.approved_emergency_channel and not any(
        h.grant.role == GrantRole.MODERATOR for h in active
    ):
        found.append(
            Finding(
                "emergency_channel_without_trained_moderator",
                PostureSeverity.CRITICAL,
                "An approved emergency channel has no trained moderator in place.",
            )
        )
    rotate = _people(h for h in held if needs_rotation(h, account.last_rotated_at, now))
    if rotate:
        found.append(
            Finding(
                "rotation_overdue",
                PostureSeverity.CRITICAL,
                "Someone with access has left and the credentials have not been changed since.",
                rotate,
            )
        )
    found += _declared_posture(account)
    if account.status == AccountStatus.DORMANT:
        found.append(
            Finding(
                "dormant",
                PostureSeverity.MEDIUM,
                "The account is dormant: revive it with a plan, or decommission it.",
            )
        )
    if unauthorised_posts:
        found.append(
            Finding(
                "posts_without_grant",
                PostureSeverity.HIGH,
                f"{unauthorised_posts} recent post(s) by people without a publishing grant.",
            )
        )
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))


def _declared_posture(account: Account) -> list[Finding]:
    found: list[Finding] = []
    if account.shared_login:
        found.append(
            Finding(
                "shared_login",
                PostureSeverity.HIGH,
                "People sign in with one shared login: nobody can tell who did what.",
            )
        )
    if account.mfa_enabled is False:
        found.append(
            Finding("mfa_off", PostureSeverity.HIGH, "Multi-factor authentication is off.")
        )
    elif account.mfa_enabled is None:
        found.append(
            Finding(
                "mfa_unknown", PostureSeverity.MEDIUM, "Whether MFA is on has not been recorded."
            )
        )
    if account.recovery_contact == RecoveryContact.PERSONAL:
        found.append(
            Finding(
                "personal_recovery_contact",
                PostureSeverity.HIGH,
                "Account recovery goes to a personal email or phone, not one the city owns.",
            )
        )
    elif account.recovery_contact is None:
        found.append(
            Finding(
                "recovery_contact_unknown",
                PostureSeverity.LOW,
                "Where account-recovery messages go has not been recorded.",
            )
        )
    if not account.vault_reference:
        found.append(
            Finding(
                "no_vault_reference",
                PostureSeverity.LOW,
                "No record of where the credentials are kept in the city's vault.",
            )
        )
    return found


def _people(grants: Iterable[HeldGrant]) -> list[uuid.UUID]:
    return sorted({h.grant.person_id for h in grants}, key=str)


def worst(findings: Sequence[Finding]) -> PostureSeverity | None:
    return min((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__, default=None)
