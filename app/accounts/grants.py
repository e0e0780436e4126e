"""Named, dated, revocable access to accounts, and offboarding: when a person leaves, every
grant and API key of theirs ends and the accounts they could reach are named for rotation."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.accounts import repository
from app.accounts.access import reachable_account, require_owner
from app.accounts.errors import (
    AccountNotOpen,
    GrantAlreadyRevoked,
    GrantHolderNotEligible,
    GrantNotAllowed,
    GrantNotFound,
    GrantOverlap,
)
from app.accounts.lifecycle import summary
from app.accounts.models import AccessGrant, RevocationCause
from app.accounts.posture import (
    GATED_ROLES,
    HeldGrant,
    access_ended_at,
    grant_status,
    needs_rotation,
)
from app.accounts.schemas import (
    GrantCreate,
    GrantRead,
    OffboardingResult,
    RevokedKey,
    RotationNeeded,
)
from app.audit import service as audit
from app.auth import service as auth
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.pagination import PageParams
from app.events import service as events
from app.people import service as people
from app.people.errors import PersonNotFound
from app.people.models import Person, PersonStatus, PersonType
from app.training import service as training
from app.training.schemas import GapRead
from app.training.service import TrainingRules

# People whose relationship with the town ends on a date: their grants must end too.
NEEDS_EXPIRY = frozenset({PersonType.VOLUNTEER, PersonType.CONTRACT_EMPLOYEE})
# A grant may start a little in the past (clock skew between city systems), not further.
_BACKDATING = dt.timedelta(minutes=5)


def grant_read(
    grant: AccessGrant, holder_status: PersonStatus, now: dt.datetime, *, eligible: bool = True
) -> GrantRead:
    return GrantRead.model_validate(
        {
            **{name: getattr(grant, name) for name in GrantRead.model_fields if name != "status"},
            "status": grant_status(grant, holder_status, now, eligible=eligible),
        }
    )


def eligible_holders(
    session: Session, rules: TrainingRules, grants: Iterable[AccessGrant]
) -> set[tuple[uuid.UUID, str]]:
    """The (person, role) pairs among these grants whose holder may hold the role today:
    ungated roles always, gated ones as training says (one evaluation per role)."""
    by_role: dict[str, set[uuid.UUID]] = {}
    allowed: set[tuple[uuid.UUID, str]] = set()
    for grant in grants:
        if grant.role in GATED_ROLES:
            by_role.setdefault(grant.role, set()).add(grant.person_id)
        else:
            allowed.add((grant.person_id, grant.role))
    if by_role:
        for role, judged in training.eligibility_by_role(session, rules, by_role).items():
            allowed |= {(p, role) for p, verdict in judged.items() if verdict.eligible}
    return allowed


def grant_reads(
    session: Session,
    rules: TrainingRules,
    rows: Sequence[tuple[AccessGrant, PersonStatus]],
) -> list[GrantRead]:
    now = utcnow()
    allowed = eligible_holders(session, rules, [g for g, _ in rows if g.revoked_at is None])
    return [
        grant_read(g, holder, now, eligible=(g.person_id, g.role) in allowed) for g, holder in rows
    ]


def _view(grant: AccessGrant, holder_status: PersonStatus) -> dict[str, Any]:
    # Audit records what was written; eligibility is a reading, not part of the record.
    return grant_read(grant, holder_status, utcnow()).model_dump(mode="json")


def _holder(session: Session, person_id: uuid.UUID) -> Person:
    try:
        return people.get_person(session, person_id)
    except PersonNotFound as exc:
        raise GrantNotAllowed(f"No person has id {person_id}.") from exc


def create_grant(
    session: Session, actor: Actor, rules: TrainingRules, account_id: uuid.UUID, data: GrantCreate
) -> GrantRead:
    # The account row is locked first: two grants to one person on one account are then
    # written one after the other and the second sees the first.
    account = reachable_account(session, actor, account_id, lock=True)
    require_owner(session, actor, rules, account)
    if account.status not in repository.OPEN_STATUSES:
        raise AccountNotOpen(
            f"Account {account.id} is {account.status}: grants are given on approved, active "
            "or dormant accounts."
        )
    person = _holder(session, data.person_id)
    if person.status == PersonStatus.DEPARTED:
        raise GrantNotAllowed(f"{person.given_name} {person.family_name} has departed.")
    if person.person_type == PersonType.CONTRACTING_FIRM:
        raise GrantNotAllowed(
            "A contracting firm is a separate entity the policy does not cover: grants go to "
            "named people."
        )
    now = utcnow()
    starts_at = data.starts_at or now
    if starts_at < now - _BACKDATING:
        raise GrantNotAllowed("starts_at is in the past: a grant takes effect now or later.")
    if data.expires_at is None and person.person_type in NEEDS_EXPIRY:
        raise GrantNotAllowed(
            f"A grant to a {str(person.person_type).replace('_', ' ')} needs expires_at."
        )
    if data.expires_at is not None and data.expires_at <= starts_at:
        raise GrantNotAllowed("expires_at must come after starts_at.")
    if data.role in GATED_ROLES:
        verdict = training.eligibility(session, rules, person.id, data.role)
        if not verdict.eligible:
            raise GrantHolderNotEligible(
                f"{person.given_name} {person.family_name} is not eligible for the {data.role} "
                f"role: {'; '.join(gap.message for gap in verdict.gaps)}",
                gaps=[GapRead.model_validate(gap).model_dump(mode="json") for gap in verdict.gaps],
            )
    clash = repository.overlapping_grants(
        session, account.id, person.id, data.role, starts_at, data.expires_at
    )
    if clash:
        raise GrantOverlap(
            f"{person.given_name} {person.family_name} already holds the {data.role} role on "
            f"this account for part of that period (grant {clash[0].id}).",
            grant_id=str(clash[0].id),
        )
    grant = AccessGrant(
        id=uuid.uuid4(),
        account_id=account.id,
        person_id=person.id,
        role=data.role,
        starts_at=starts_at,
        expires_at=data.expires_at,
        granted_by=actor.name,
        granted_by_person_id=actor.person_id,
        reason=data.reason,
    )
    repository.add(session, grant)
    audit.record(
        session, actor, "grant.created", "grant", grant.id, after=_view(grant, person.status)
    )
    return grant_reads(session, rules, [(grant, person.status)])[0]


def _find_grant(
    session: Session, actor: Actor, account_id: uuid.UUID, grant_id: uuid.UUID
) -> tuple[AccessGrant, PersonStatus]:
    reachable_account(session, actor, account_id)
    grant = repository.get_grant(session, account_id, grant_id)
    if grant is None:
        raise GrantNotFound(f"Account {account_id} has no grant {grant_id}.")
    return grant, _holder(session, grant.person_id).status


def get_grant(
    session: Session, actor: Actor, rules: TrainingRules, account_id: uuid.UUID, grant_id: uuid.UUID
) -> GrantRead:
    return grant_reads(session, rules, [_find_grant(session, actor, account_id, grant_id)])[0]


def list_grants(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    params: PageParams,
    *,
    person_id: uuid.UUID | None = None,
    include_revoked: bool = False,
) -> tuple[list[GrantRead], int]:
    reachable_account(session, actor, account_id)
    rows, total = repository.list_grants(
        session,
        account_id,
        person_id=person_id,
        include_revoked=include_revoked,
        offset=params.offset,
        limit=params.page_size,
    )
    return grant_reads(session, rules, rows), total


def revoke(
    session: Session, actor: Actor, grant: AccessGrant, cause: RevocationCause, reason: str
) -> None:
    holder = _holder(session, grant.person_id).status
    before = _view(grant, holder)
    grant.revoked_at = utcnow()
    grant.revoked_by = actor.name
    grant.revocation_cause = cause
    grant.revocation_reason = reason
    session.flush()
    audit.record(
        session,
        actor,
        "grant.revoked",
        "grant",
        grant.id,
        before=before,
        after=_view(grant, holder),
    )


def shorten(
    session: Session, actor: Actor, grant: AccessGrant, expires_at: dt.datetime, reason: str
) -> None:
    """End a grant earlier than planned (a contract that ends sooner)."""
    holder = _holder(session, grant.person_id).status
    before = _view(grant, holder)
    grant.expires_at = expires_at
    grant.reason = reason
    session.flush()
    audit.record(
        session,
        actor,
        "grant.shortened",
        "grant",
        grant.id,
        before=before,
        after=_view(grant, holder),
    )


def revoke_grant(
    session: Session,
    actor: Actor,
    rules: TrainingRules,
    account_id: uuid.UUID,
    grant_id: uuid.UUID,
    reason: str,
) -> GrantRead:
    account = reachable_account(session, actor, account_id, lock=True)
    require_owner(session, actor, rules, account)
    grant, holder = _find_grant(session, actor, account_id, grant_id)
    if grant.revoked_at is not None:
        raise GrantAlreadyRevoked(
            f"Grant {grant_id} was revoked at {grant.revoked_at.isoformat()}."
        )
    revoke(session, actor, grant, RevocationCause.MANUAL, reason)
    return grant_read(grant, holder, utcnow())


# Offboarding ------------------------------------------------------------------------------


def offboard(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    reason: str,
    departed_on: dt.date | None = None,
    cause: RevocationCause = RevocationCause.OFFBOARDING,
) -> OffboardingResult:
    """Mark the person departed, end every grant and API key of theirs, and name the accounts
    whose credentials must now change. Idempotent: a second call ends nothing new and names
    the accounts still waiting for rotation."""
    person, changed = people.mark_departed(
        session, actor, person_id, departed_on or utcnow().date()
    )
    revoked = []
    for grant in repository.unrevoked_grants_of(session, person.id):
        revoke(session, actor, grant, cause, f"Offboarding: {reason}")
        revoked.append(grant)
    keys = auth.revoke_keys_of_person(session, actor, person.id, f"Offboarding: {reason}")
    now = utcnow()
    assert person.departed_on is not None  # mark_departed sets it
    result = OffboardingResult(
        person_id=person.id,
        departed_on=person.departed_on,
        already_departed=not changed,
        revoked_grants=[grant_read(g, PersonStatus.DEPARTED, now) for g in revoked],
        revoked_api_keys=[RevokedKey(id=k.id, name=k.name, prefix=k.prefix) for k in keys],
        accounts_to_rotate=rotation_needed(session, person, now),
    )
    if changed or revoked or keys:  # a repeated offboarding announces nothing
        events.publish(
            session,
            "person.offboarded",
            {
                "person_id": str(person.id),
                "departed_on": person.departed_on.isoformat(),
                "revoked_grant_ids": [str(g.id) for g in revoked],
                "revoked_api_key_ids": [str(k.id) for k in keys],
                "accounts_to_rotate": [str(r.account.id) for r in result.accounts_to_rotate],
            },
        )
    return result


def rotation_needed(session: Session, person: Person, now: dt.datetime) -> list[RotationNeeded]:
    """The accounts a departed person could reach whose credentials have not changed since."""
    grants = repository.grants_of(session, person.id)
    accounts = {
        a.id: a
        for a in (
            repository.get_account(session, account_id)
            for account_id in dict.fromkeys(g.account_id for g in grants)
        )
        if a is not None
    }
    ended: dict[uuid.UUID, dt.datetime | None] = {}
    for grant in grants:
        held = HeldGrant(grant, person.status, person.departed_on)
        account = accounts[grant.account_id]
        if not needs_rotation(held, account.last_rotated_at, now):
            continue
        end = access_ended_at(held)
        previous = ended.get(grant.account_id, end)
        ended[grant.account_id] = None if end is None or previous is None else max(end, previous)
    return [
        RotationNeeded(
            account=summary(accounts[account_id]),
            access_ended_at=end,
            last_rotated_at=accounts[account_id].last_rotated_at,
        )
        for account_id, end in ended.items()
        if accounts[account_id].status != "decommissioned"
    ]


# Suspension -------------------------------------------------------------------------------


def sweep_suspensions(
    session: Session, actor: Actor, rules: TrainingRules
) -> tuple[list[GrantRead], list[GrantRead]]:
    """Record what the effective status already says: grants whose holder's training or
    acknowledgement lapsed are marked suspended (and audited), and those whose holder is
    eligible again are reinstated. Returns (suspended, reinstated)."""
    now = utcnow()
    open_grants = repository.grants_in_effect(session, GATED_ROLES, now)
    allowed = eligible_holders(session, rules, open_grants)
    suspended: list[GrantRead] = []
    reinstated: list[GrantRead] = []
    for grant in open_grants:
        eligible = (grant.person_id, grant.role) in allowed
        if eligible == (grant.suspended_at is None):
            continue
        before = _view(grant, PersonStatus.ACTIVE)
        if eligible:
            grant.suspended_at = grant.suspension_reason = None
            action, bucket = "grant.reinstated", reinstated
        else:
            grant.suspended_at = now
            grant.suspension_reason = (
                f"The holder's training or policy acknowledgement for the {grant.role} role "
                "has lapsed."
            )
            action, bucket = "grant.suspended", suspended
        session.flush()
        audit.record(
            session,
            actor,
            action,
            "grant",
            grant.id,
            before=before,
            after=_view(grant, PersonStatus.ACTIVE),
        )
        bucket.append(grant_read(grant, PersonStatus.ACTIVE, now, eligible=eligible))
    announce_expiring(session, rules, open_grants)
    return suspended, reinstated


# How far ahead the sweep warns of a grant holder's eligibility ending.
EXPIRY_NOTICE = dt.timedelta(days=30)


def announce_expiring(session: Session, rules: TrainingRules, grants: Sequence[AccessGrant]) -> int:
    """A training.expiring event for each holder of a gated grant whose eligibility ends
    within 30 days: once per person, role and end date, however often the sweep runs."""
    by_role: dict[str, set[uuid.UUID]] = {}
    for grant in grants:
        if grant.role in GATED_ROLES:
            by_role.setdefault(grant.role, set()).add(grant.person_id)
    today = rules.today()
    announced = 0
    for role, judged in training.eligibility_by_role(session, rules, by_role).items():
        for person_id, verdict in judged.items():
            ends = verdict.valid_until
            if not verdict.eligible or ends is None or ends > today + EXPIRY_NOTICE:
                continue
            announced += (
                events.publish(
                    session,
                    "training.expiring",
                    {"person_id": str(person_id), "role": role, "valid_until": ends.isoformat()},
                    dedup_key=f"training.expiring:{person_id}:{role}:{ends.isoformat()}",
                )
                is not None
            )
    return announced
