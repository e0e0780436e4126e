from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.accounts.models import (
    AccessGrant,
    Account,
    AccountStatus,
    OfficialAccountKind,
    PostRecord,
    Reconciliation,
)
from app.core.db import fetch_page, like_escaped
from app.core.vocabulary import Platform
from app.people.models import Department, Person, PersonStatus

# Statuses in which an account exists on the platform (or is about to) and so can be reached.
OPEN_STATUSES = (AccountStatus.APPROVED, AccountStatus.ACTIVE, AccountStatus.DORMANT)
RETIRED_STATUSES = (AccountStatus.REJECTED, AccountStatus.DECOMMISSIONED)


def add(session: Session, entity: Account | AccessGrant | PostRecord | Reconciliation) -> None:
    session.add(entity)
    session.flush()


# Accounts ---------------------------------------------------------------------------------


def get_account(session: Session, account_id: uuid.UUID, *, lock: bool = False) -> Account | None:
    if lock:
        # Serialises the writes that must see each other on one account (grant overlaps).
        return session.scalars(
            select(Account).where(Account.id == account_id).with_for_update()
        ).first()
    return session.get(Account, account_id)


def account_with_url(session: Session, url: str) -> Account | None:
    """The account holding this URL, preferring one not rejected or decommissioned."""
    return session.scalars(
        select(Account)
        .where(Account.url == url)
        .order_by(Account.status.in_(RETIRED_STATUSES), Account.status_changed_at.desc())
    ).first()


def open_account_with_url(session: Session, url: str) -> Account | None:
    return session.scalars(
        select(Account).where(Account.url == url, Account.status.not_in(RETIRED_STATUSES))
    ).first()


def visible_to(person_id: uuid.UUID, actor_id: str, now: dt.datetime) -> Select[tuple[uuid.UUID]]:
    """Ids of the accounts a person reaches: those they hold a grant on in effect now, and
    those they asked for."""
    granted = select(AccessGrant.account_id).where(
        AccessGrant.person_id == person_id,
        AccessGrant.revoked_at.is_(None),
        AccessGrant.starts_at <= now,
        or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > now),
    )
    requested = select(Account.id).where(
        or_(Account.requested_by_person_id == person_id, Account.requested_by_actor_id == actor_id)
    )
    return granted.union(requested)  # type: ignore[return-value]


def is_among(session: Session, account_id: uuid.UUID, ids: Select[tuple[uuid.UUID]]) -> bool:
    return (
        session.scalar(select(Account.id).where(Account.id == account_id, Account.id.in_(ids)))
        is not None
    )


def holds_role(
    session: Session, account_id: uuid.UUID, person_id: uuid.UUID, role: str, now: dt.datetime
) -> bool:
    """Whether the person holds ``role`` on the account in effect at ``now``."""
    return (
        session.scalar(
            select(AccessGrant.id)
            .join(Person, Person.id == AccessGrant.person_id)
            .where(
                AccessGrant.account_id == account_id,
                AccessGrant.person_id == person_id,
                AccessGrant.role == role,
                AccessGrant.revoked_at.is_(None),
                AccessGrant.starts_at <= now,
                or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > now),
                Person.status == PersonStatus.ACTIVE,
            )
            .limit(1)
        )
        is not None
    )


def list_accounts(
    session: Session,
    *,
    visible: Select[tuple[uuid.UUID]] | None,
    platform: Platform | None,
    status: AccountStatus | None,
    kind: OfficialAccountKind | None,
    department_id: uuid.UUID | None,
    emergency: bool | None,
    q: str | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[Account], int]:
    query = select(Account)
    if visible is not None:
        query = query.where(Account.id.in_(visible))
    if platform is not None:
        query = query.where(Account.platform == platform)
    if status is not None:
        query = query.where(Account.status == status)
    if kind is not None:
        query = query.where(Account.kind == kind)
    if department_id is not None:
        query = query.where(Account.department_id == department_id)
    if emergency is not None:
        query = query.where(Account.approved_emergency_channel.is_(emergency))
    if q:
        pattern = f"%{like_escaped(q.lower())}%"
        query = query.where(
            or_(
                func.lower(Account.display_name).like(pattern, escape="\\"),
                func.lower(Account.handle).like(pattern, escape="\\"),
                Account.url.like(pattern, escape="\\"),
            )
        )
    return fetch_page(session, query, Account.display_name, Account.id, offset=offset, limit=limit)


def accounts_with_status(
    session: Session, statuses: Collection[AccountStatus]
) -> Sequence[Account]:
    return session.scalars(
        select(Account).where(Account.status.in_(statuses)).order_by(Account.display_name)
    ).all()


def inactive_since(session: Session, cutoff: dt.datetime) -> Sequence[Account]:
    """Active accounts with no post recorded since ``cutoff`` (nor activated since)."""
    return session.scalars(
        select(Account)
        .where(
            Account.status == AccountStatus.ACTIVE,
            func.coalesce(Account.last_activity_at, Account.status_changed_at) < cutoff,
            Account.status_changed_at < cutoff,
        )
        .order_by(Account.display_name)
        .with_for_update(skip_locked=True)
    ).all()


def is_emergency_channel(session: Session, account_id: uuid.UUID) -> bool:
    return bool(
        session.scalar(
            select(Account.approved_emergency_channel).where(
                Account.id == account_id, Account.status == AccountStatus.ACTIVE
            )
        )
    )


def department_names(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = session.execute(select(Department.id, Department.name).where(Department.id.in_(ids)))
    return {row[0]: row[1] for row in rows}


# Grants -----------------------------------------------------------------------------------


def get_grant(session: Session, account_id: uuid.UUID, grant_id: uuid.UUID) -> AccessGrant | None:
    return session.scalars(
        select(AccessGrant).where(AccessGrant.id == grant_id, AccessGrant.account_id == account_id)
    ).first()


def overlapping_grants(
    session: Session,
    account_id: uuid.UUID,
    person_id: uuid.UUID,
    role: str,
    starts_at: dt.datetime,
    expires_at: dt.datetime | None,
) -> Sequence[AccessGrant]:
    """Unrevoked grants of the same role to the same person whose period meets this one."""
    query = select(AccessGrant).where(
        AccessGrant.account_id == account_id,
        AccessGrant.person_id == person_id,
        AccessGrant.role == role,
        AccessGrant.revoked_at.is_(None),
        or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > starts_at),
    )
    if expires_at is not None:
        query = query.where(AccessGrant.starts_at < expires_at)
    return session.scalars(query).all()


def grants_with_holders(
    session: Session, account_ids: Collection[uuid.UUID] | None = None
) -> Sequence[tuple[AccessGrant, PersonStatus, dt.date | None]]:
    """Grants with their holder's status and departure date, for the given accounts (all
    when None)."""
    query = select(AccessGrant, Person.status, Person.departed_on).join(
        Person, Person.id == AccessGrant.person_id
    )
    if account_ids is not None:
        query = query.where(AccessGrant.account_id.in_(account_ids))
    rows = session.execute(query.order_by(AccessGrant.starts_at, AccessGrant.id))
    return [(row[0], PersonStatus(row[1]), row[2]) for row in rows]


def list_grants(
    session: Session,
    account_id: uuid.UUID,
    *,
    person_id: uuid.UUID | None,
    include_revoked: bool,
    offset: int,
    limit: int,
) -> tuple[Sequence[tuple[AccessGrant, PersonStatus]], int]:
    query = (
        select(AccessGrant, Person.status)
        .join(Person, Person.id == AccessGrant.person_id)
        .where(AccessGrant.account_id == account_id)
    )
    if person_id is not None:
        query = query.where(AccessGrant.person_id == person_id)
    if not include_revoked:
        query = query.where(AccessGrant.revoked_at.is_(None))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(AccessGrant.starts_at, AccessGrant.id).offset(offset).limit(limit)
    )
    return [(row[0], PersonStatus(row[1])) for row in rows], total


def grants_in_effect(
    session: Session, roles: Collection[str], now: dt.datetime
) -> Sequence[AccessGrant]:
    """Unrevoked grants of these roles in their period, held by people still here."""
    return session.scalars(
        select(AccessGrant)
        .join(Person, Person.id == AccessGrant.person_id)
        .where(
            AccessGrant.role.in_(roles),
            AccessGrant.revoked_at.is_(None),
            AccessGrant.starts_at <= now,
            or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > now),
            Person.status == PersonStatus.ACTIVE,
        )
        .order_by(AccessGrant.account_id, AccessGrant.starts_at, AccessGrant.id)
        .with_for_update(of=AccessGrant, skip_locked=True)
    ).all()


def role_holders(
    session: Session, role: str, now: dt.datetime
) -> Sequence[tuple[uuid.UUID, str, uuid.UUID, str, uuid.UUID | None, str | None]]:
    """(account id, account name, person id, person name, department id, department name)
    for each grant of ``role`` in effect on an open account, by account then person."""
    rows = session.execute(
        select(
            Account.id,
            Account.display_name,
            Person.id,
            Person.given_name,
            Person.family_name,
            Department.id,
            Department.name,
        )
        .select_from(AccessGrant)
        .join(Account, Account.id == AccessGrant.account_id)
        .join(Person, Person.id == AccessGrant.person_id)
        .outerjoin(Department, Department.id == Person.department_id)
        .where(
            AccessGrant.role == role,
            AccessGrant.revoked_at.is_(None),
            AccessGrant.starts_at <= now,
            or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > now),
            Person.status == PersonStatus.ACTIVE,
            Account.status.in_(OPEN_STATUSES),
        )
        .order_by(Account.display_name, Account.id, Person.family_name, Person.given_name)
    )
    return [(r[0], r[1], r[2], f"{r[3]} {r[4]}", r[5], r[6]) for r in rows]


def unrevoked_grants_of(session: Session, person_id: uuid.UUID) -> Sequence[AccessGrant]:
    return session.scalars(
        select(AccessGrant)
        .where(AccessGrant.person_id == person_id, AccessGrant.revoked_at.is_(None))
        .order_by(AccessGrant.starts_at, AccessGrant.id)
    ).all()


def unrevoked_grants_of_account(session: Session, account_id: uuid.UUID) -> Sequence[AccessGrant]:
    return session.scalars(
        select(AccessGrant).where(
            AccessGrant.account_id == account_id, AccessGrant.revoked_at.is_(None)
        )
    ).all()


def grants_of(session: Session, person_id: uuid.UUID) -> Sequence[AccessGrant]:
    return session.scalars(
        select(AccessGrant)
        .where(AccessGrant.person_id == person_id)
        .order_by(AccessGrant.starts_at, AccessGrant.id)
    ).all()


def publishing_roles_at(
    session: Session, account_id: uuid.UUID, person_id: uuid.UUID, at: dt.datetime
) -> set[str]:
    """The owner and publisher grants the person held on the account at ``at``, by role."""
    return set(
        session.scalars(
            select(AccessGrant.role)
            .where(
                AccessGrant.account_id == account_id,
                AccessGrant.person_id == person_id,
                AccessGrant.role.in_(("owner", "publisher")),
                AccessGrant.starts_at <= at,
                or_(AccessGrant.expires_at.is_(None), AccessGrant.expires_at > at),
                or_(AccessGrant.revoked_at.is_(None), AccessGrant.revoked_at > at),
            )
            .distinct()
        )
    )


# People -----------------------------------------------------------------------------------


def people_by_ids(session: Session, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Person]:
    if not ids:
        return {}
    return {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}


def people_by_emails(session: Session, emails: Collection[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    batch = list(emails)
    for start in range(0, len(batch), 1000):  # keeps each IN list within driver limits
        chunk = batch[start : start + 1000]
        for person in session.scalars(select(Person).where(Person.email.in_(chunk))):
            found[person.email] = person
    return found


def active_people_with_grants(session: Session) -> Sequence[Person]:
    return session.scalars(
        select(Person)
        .where(
            Person.status == PersonStatus.ACTIVE,
            Person.id.in_(select(AccessGrant.person_id).where(AccessGrant.revoked_at.is_(None))),
        )
        .order_by(Person.family_name, Person.given_name, Person.id)
    ).all()


# Posts ------------------------------------------------------------------------------------


def post_with_external_id(
    session: Session, account_id: uuid.UUID, external_id: str
) -> PostRecord | None:
    return session.scalars(
        select(PostRecord).where(
            PostRecord.account_id == account_id, PostRecord.external_id == external_id
        )
    ).first()


def list_posts(
    session: Session,
    *,
    account_id: uuid.UUID | None,
    visible: Select[tuple[uuid.UUID]] | None,
    person_id: uuid.UUID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    offset: int,
    limit: int,
) -> tuple[Sequence[PostRecord], int]:
    query = select(PostRecord)
    if account_id is not None:
        query = query.where(PostRecord.account_id == account_id)
    if visible is not None:
        query = query.where(PostRecord.account_id.in_(visible))
    if person_id is not None:
        query = query.where(PostRecord.person_id == person_id)
    if since is not None:
        query = query.where(PostRecord.posted_at >= since)
    if until is not None:
        query = query.where(PostRecord.posted_at < until)
    return fetch_page(
        session, query, PostRecord.posted_at.desc(), PostRecord.id, offset=offset, limit=limit
    )


def unauthorised_post_counts(
    session: Session, account_ids: Collection[uuid.UUID], since: dt.datetime
) -> dict[uuid.UUID, int]:
    """Posts recorded since ``since`` by people who held no publishing grant at the time."""
    rows = session.execute(
        select(PostRecord.account_id, func.count())
        .where(
            PostRecord.account_id.in_(account_ids),
            PostRecord.posted_at >= since,
            PostRecord.authorised.is_(False),
        )
        .group_by(PostRecord.account_id)
    )
    return {row[0]: row[1] for row in rows}


# Reconciliations --------------------------------------------------------------------------


def get_reconciliation(
    session: Session, reconciliation_id: uuid.UUID, *, lock: bool = False
) -> Reconciliation | None:
    query = select(Reconciliation).where(Reconciliation.id == reconciliation_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def list_reconciliations(
    session: Session, *, offset: int, limit: int
) -> tuple[Sequence[Reconciliation], int]:
    total = session.scalar(select(func.count()).select_from(Reconciliation)) or 0
    items = session.scalars(
        select(Reconciliation)
        .order_by(Reconciliation.submitted_at.desc(), Reconciliation.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return items, total
