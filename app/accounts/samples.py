"""The sample town's official accounts as a registry would find them when it is first filled
in: one in good order, the others each with problems the posture report must show (shared
login, MFA off, personal recovery contact, a departed employee still holding access,
credentials never changed after contractors left, too few publishers, dormancy), and two
requests waiting for the CAO. Written as rows with their history (grants that began and
ended years ago), not replayed through today's rules."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.accounts import repository, urls
from app.accounts.lifecycle import view
from app.accounts.models import (
    AccessGrant,
    Account,
    AccountStatus,
    OfficialAccountKind,
    PostRecord,
    RecoveryContact,
    RevocationCause,
)
from app.audit import service as audit
from app.core.actor import Actor
from app.core.db import utcnow
from app.core.vocabulary import GrantRole, Platform
from app.people.models import Person

UTC = dt.UTC


def _at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class SampleGrant:
    email: str
    role: GrantRole
    starts: dt.datetime
    expires: dt.datetime | None = None
    revoked: dt.datetime | None = None
    cause: RevocationCause | None = None


@dataclass(frozen=True)
class SampleAccount:
    platform: Platform
    url: str
    display_name: str
    department: str
    kind: OfficialAccountKind
    status: AccountStatus
    purpose: str
    audience: str
    emergency: bool = False
    mfa: bool | None = True
    recovery: RecoveryContact | None = RecoveryContact.CITY
    vault: str | None = None
    shared_login: bool | None = False
    rotated: dt.datetime | None = None
    last_post_days_ago: int | None = 2
    grants: list[SampleGrant] = field(default_factory=list)


def _email(local: str) -> str:
    return f"{local}@town.example.ca"


PRIYA, DANIEL, SOFIA = _email("priya.sharma"), _email("daniel.okafor"), _email("sofia.rossi")
AHMED, LUCIE, TOM = _email("ahmed.haddad"), _email("lucie.gagnon"), _email("tom.becker")
NADIA, RAVI, EMMA = _email("nadia.kowalski"), _email("ravi.patel"), _email("emma.dubois")
OWEN, HELEN = _email("owen.macleod"), _email("helen.tremblay")

SAMPLE_ACCOUNTS = [
    SampleAccount(
        Platform.FACEBOOK,
        "https://www.facebook.com/TownOfAlderBay",
        "Town of Alder Bay",
        "COMMS",
        OfficialAccountKind.CORPORATE,
        AccountStatus.ACTIVE,
        "Town news, council decisions, service changes and events",
        "Residents, businesses and visitors",
        vault="vault://comms/social/facebook-town",
        rotated=_at(2026, 6, 1),
        grants=[
            SampleGrant(PRIYA, GrantRole.OWNER, _at(2024, 9, 2)),
            SampleGrant(DANIEL, GrantRole.PUBLISHER, _at(2024, 9, 2)),
            SampleGrant(SOFIA, GrantRole.PUBLISHER, _at(2024, 9, 2)),
            SampleGrant(DANIEL, GrantRole.MODERATOR, _at(2024, 9, 2)),
            SampleGrant(RAVI, GrantRole.PUBLISHER, _at(2026, 1, 5), expires=_at(2027, 1, 4)),
        ],
    ),
    SampleAccount(
        Platform.X,
        "https://twitter.com/AlderBayTown",
        "Town of Alder Bay",
        "COMMS",
        OfficialAccountKind.CORPORATE,
        AccountStatus.ACTIVE,
        "Short notices: road closures, council meeting reminders",
        "Residents and local media",
        mfa=False,
        shared_login=True,
        vault="vault://comms/social/x-town",
        rotated=_at(2023, 1, 16),
        grants=[
            SampleGrant(PRIYA, GrantRole.OWNER, _at(2024, 9, 2)),
        ],
    ),
    SampleAccount(
        Platform.FACEBOOK,
        "https://www.facebook.com/AlderBayFire",
        "Alder Bay Fire & Emergency Services",
        "FIRE",
        OfficialAccountKind.EMERGENCY,
        AccountStatus.ACTIVE,
        "Emergency alerts, fire bans, evacuation notices and preparedness advice",
        "Everyone in Alder Bay during an emergency",
        emergency=True,
        recovery=RecoveryContact.PERSONAL,
        vault="vault://fire/social/facebook",
        rotated=_at(2025, 11, 3),
        grants=[
            SampleGrant(AHMED, GrantRole.OWNER, _at(2024, 9, 16)),
            SampleGrant(LUCIE, GrantRole.PUBLISHER, _at(2024, 9, 16)),
            SampleGrant(LUCIE, GrantRole.MODERATOR, _at(2024, 9, 16)),
        ],
    ),
    SampleAccount(
        Platform.INSTAGRAM,
        "https://www.instagram.com/alderbayparks/",
        "Alder Bay Parks & Trails",
        "PARKS",
        OfficialAccountKind.DEPARTMENTAL,
        AccountStatus.DORMANT,
        "Trail conditions, park programs and photos of town events",
        "Families and visitors who use the town's parks",
        mfa=None,
        recovery=None,
        vault=None,
        rotated=_at(2023, 5, 1),
        last_post_days_ago=240,
        grants=[
            # Left the town in March 2024 without being offboarded: still holds access.
            SampleGrant(TOM, GrantRole.PUBLISHER, _at(2022, 4, 4)),
            # A summer contractor, offboarded, but the password was never changed after.
            SampleGrant(
                EMMA,
                GrantRole.PUBLISHER,
                _at(2024, 6, 3),
                expires=_at(2024, 8, 31),
                revoked=_at(2024, 8, 30),
                cause=RevocationCause.OFFBOARDING,
            ),
        ],
    ),
    SampleAccount(
        Platform.FACEBOOK,
        "https://www.facebook.com/AlderBayLibrary",
        "Alder Bay Public Library",
        "LIB",
        OfficialAccountKind.PROGRAM,
        AccountStatus.REQUESTED,
        "Story times, new arrivals, library hours",
        "Library members and families",
        mfa=None,
        recovery=None,
        last_post_days_ago=None,
    ),
    SampleAccount(
        Platform.BLUESKY,
        "https://bsky.app/profile/alderbayworks.bsky.social",
        "Alder Bay Public Works",
        "PW",
        OfficialAccountKind.DEPARTMENTAL,
        AccountStatus.REQUESTED,
        "Snow clearing, water main breaks, collection schedule changes",
        "Residents",
        mfa=None,
        recovery=None,
        last_post_days_ago=None,
    ),
]

# The request criteria every sample account was opened with, by department.
REQUESTS = {
    "COMMS": (PRIYA, [DANIEL, SOFIA], PRIYA),
    "FIRE": (AHMED, [LUCIE], AHMED),
    "PARKS": (TOM, [TOM], SOFIA),
    "LIB": (OWEN, [OWEN], SOFIA),
    "PW": (NADIA, [NADIA], DANIEL),
}


def seed_sample_accounts(
    session: Session,
    actor: Actor,
    people: dict[str, Person],
    department_ids: dict[str, uuid.UUID],
) -> int:
    """Add the sample accounts not yet registered (by URL); returns how many were added."""
    now = utcnow()
    added = 0
    for sample in SAMPLE_ACCOUNTS:
        parsed = urls.normalise(sample.url, sample.platform)
        if repository.account_with_url(session, parsed.url) is not None:
            continue
        requester, publishers, backup_or_owner = REQUESTS[sample.department]
        backup = backup_or_owner if backup_or_owner not in publishers else SOFIA
        decided = sample.status != AccountStatus.REQUESTED
        requested_at = min((g.starts for g in sample.grants), default=now) - dt.timedelta(days=14)
        account = Account(
            id=uuid.uuid4(),
            platform=parsed.platform,
            handle=parsed.handle,
            url=parsed.url,
            display_name=sample.display_name,
            department_id=department_ids[sample.department],
            kind=sample.kind,
            purpose=sample.purpose,
            audience=sample.audience,
            approved_emergency_channel=sample.emergency,
            status=sample.status,
            business_need=f"{sample.purpose}, where residents already look for them.",
            content_plan="Posts each working day; urgent notices within the hour.",
            moderation_plan="Comments read twice each working day under the terms of engagement.",
            records_retention_acknowledged=True,
            named_publisher_ids=[str(people[p].id) for p in publishers],
            backup_publisher_id=people[backup].id,
            requested_by=f"{people[requester].given_name} {people[requester].family_name}",
            requested_by_actor_id=f"seed:{people[requester].id}",
            requested_by_person_id=people[requester].id,
            requested_at=requested_at,
            decided_by="Helen Tremblay" if decided else None,
            decided_by_person_id=people[HELEN].id if decided else None,
            decided_at=requested_at + dt.timedelta(days=7) if decided else None,
            decision_reason="Meets the policy's criteria." if decided else None,
            status_changed_at=requested_at + dt.timedelta(days=7) if decided else requested_at,
            mfa_enabled=sample.mfa,
            recovery_contact=sample.recovery,
            vault_reference=sample.vault,
            shared_login=sample.shared_login,
            last_rotated_at=sample.rotated,
            last_activity_at=(
                now - dt.timedelta(days=sample.last_post_days_ago)
                if sample.last_post_days_ago is not None
                else None
            ),
        )
        repository.add(session, account)
        audit.record(session, actor, "account.imported", "account", account.id, after=view(account))
        for grant in sample.grants:
            _add_grant(session, actor, account, people[grant.email], grant)
        if account.last_activity_at is not None:
            publisher = next(
                (g.email for g in sample.grants if g.role != GrantRole.MODERATOR), requester
            )
            repository.add(
                session,
                PostRecord(
                    id=uuid.uuid4(),
                    account_id=account.id,
                    person_id=people[publisher].id,
                    posted_at=account.last_activity_at,
                    external_id=f"sample-{account.handle}-1",
                    authorised=True,
                    recorded_by=actor.name,
                    recorded_at=now,
                ),
            )
        added += 1
    return added


def _add_grant(
    session: Session, actor: Actor, account: Account, person: Person, sample: SampleGrant
) -> None:
    grant = AccessGrant(
        id=uuid.uuid4(),
        account_id=account.id,
        person_id=person.id,
        role=sample.role,
        starts_at=sample.starts,
        expires_at=sample.expires,
        granted_by="Helen Tremblay",
        revoked_at=sample.revoked,
        revoked_by="Priya Sharma" if sample.revoked else None,
        revocation_cause=sample.cause,
        revocation_reason="Contract ended" if sample.revoked else None,
    )
    repository.add(session, grant)
    audit.record(
        session,
        actor,
        "grant.imported",
        "grant",
        grant.id,
        after={
            "account_id": str(account.id),
            "person_id": str(person.id),
            "role": sample.role.value,
            "starts_at": sample.starts.isoformat(),
        },
    )
