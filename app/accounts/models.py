from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, sql_in, utcnow
from app.core.vocabulary import GrantRole, Platform


class OfficialAccountKind(StrEnum):
    CORPORATE = "corporate"
    DEPARTMENTAL = "departmental"
    PROGRAM = "program"
    EMERGENCY = "emergency"
    ELECTED_OFFICIAL_OFFICIAL = "elected_official_official"


class AccountStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"
    DORMANT = "dormant"
    DECOMMISSIONED = "decommissioned"


class RecoveryContact(StrEnum):
    """Who receives the platform's account-recovery messages."""

    CITY = "city"
    PERSONAL = "personal"


class GrantStatus(StrEnum):
    """A grant's effective status, worked out when read: nothing has to run for a grant to
    expire, a grant whose holder has left is never active, whichever route recorded the
    departure, and an owner, publisher or moderator grant is suspended for as long as its
    holder's training or policy acknowledgement has lapsed."""

    PENDING = "pending"
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"
    HOLDER_DEPARTED = "holder_departed"
    SUSPENDED = "suspended"


class RevocationCause(StrEnum):
    MANUAL = "manual"
    OFFBOARDING = "offboarding"
    RECONCILIATION = "reconciliation"


class ReconciliationStatus(StrEnum):
    PROPOSED = "proposed"
    APPLIED = "applied"


_NOT_RETIRED = "status NOT IN ('rejected', 'decommissioned')"


class Account(Base):
    """An official account of the town on a social media platform, from its request to its
    decommissioning. The security posture is described, never the credentials themselves."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(f"platform IN ({sql_in(Platform)})", name="platform"),
        CheckConstraint(f"kind IN ({sql_in(OfficialAccountKind)})", name="kind"),
        CheckConstraint(f"status IN ({sql_in(AccountStatus)})", name="status"),
        CheckConstraint(
            f"recovery_contact IS NULL OR recovery_contact IN ({sql_in(RecoveryContact)})",
            name="recovery_contact",
        ),
        Index(None, "department_id"),
        Index(None, "status", "last_activity_at"),
        Index(
            "uq_accounts_url_open",
            "url",
            unique=True,
            sqlite_where=text(_NOT_RETIRED),
            postgresql_where=text(_NOT_RETIRED),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    platform: Mapped[Platform] = mapped_column(String(16))
    handle: Mapped[str] = mapped_column(String(320))
    # Normalised (app.accounts.urls): one spelling per account. Unique among the accounts
    # not rejected or decommissioned, so a URL can be asked for again after either.
    url: Mapped[str] = mapped_column(String(2048), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT")
    )
    kind: Mapped[OfficialAccountKind] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(500))
    approved_emergency_channel: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[AccountStatus] = mapped_column(String(16), default=AccountStatus.REQUESTED)

    # The request: what the policy asks a department to show before an account is opened.
    business_need: Mapped[str] = mapped_column(Text)
    content_plan: Mapped[str] = mapped_column(Text)
    moderation_plan: Mapped[str] = mapped_column(Text)
    records_retention_acknowledged: Mapped[bool] = mapped_column(Boolean)
    named_publisher_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    backup_publisher_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_by_actor_id: Mapped[str] = mapped_column(String(64))
    requested_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision_reason: Mapped[str | None] = mapped_column(String(1000))
    status_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status_reason: Mapped[str | None] = mapped_column(String(1000))

    # Security posture.
    mfa_enabled: Mapped[bool | None] = mapped_column(Boolean)
    recovery_contact: Mapped[RecoveryContact | None] = mapped_column(String(16))
    vault_reference: Mapped[str | None] = mapped_column(String(500))
    shared_login: Mapped[bool | None] = mapped_column(Boolean)
    last_rotated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    last_activity_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AccessGrant(Base):
    """A named person's access to an account in one role, for a period, revocable."""

    __tablename__ = "access_grants"
    __table_args__ = (
        CheckConstraint(f"role IN ({sql_in(GrantRole)})", name="role"),
        CheckConstraint(
            f"revocation_cause IS NULL OR revocation_cause IN ({sql_in(RevocationCause)})",
            name="revocation_cause",
        ),
        CheckConstraint("expires_at IS NULL OR expires_at > starts_at", name="period_order"),
        CheckConstraint(
            "(revoked_at IS NULL) = (revocation_cause IS NULL)", name="revocation_complete"
        ),
        Index(None, "account_id", "person_id"),
        Index(None, "person_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    role: Mapped[GrantRole] = mapped_column(String(16))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    granted_by: Mapped[str] = mapped_column(String(200))
    granted_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    reason: Mapped[str | None] = mapped_column(String(1000))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_by: Mapped[str | None] = mapped_column(String(200))
    revocation_cause: Mapped[RevocationCause | None] = mapped_column(String(16))
    revocation_reason: Mapped[str | None] = mapped_column(String(1000))
    # Recorded by the suspension sweep (the effective status says so at once, without it).
    suspended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    suspension_reason: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class PostRecord(Base):
    """Who posted what: recorded by the city system that published it."""

    __tablename__ = "account_posts"
    __table_args__ = (
        UniqueConstraint("account_id", "external_id"),
        CheckConstraint(
            "external_id IS NOT NULL OR external_url IS NOT NULL", name="external_reference"
        ),
        Index(None, "account_id", "posted_at"),
        Index(None, "person_id", "posted_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    posted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    external_id: Mapped[str | None] = mapped_column(String(200))
    external_url: Mapped[str | None] = mapped_column(String(2048))
    screening_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("screenings.id", ondelete="SET NULL")
    )
    # Whether the person held an owner or publisher grant when it was posted: a post by
    # anyone else is what the posture report surfaces.
    authorised: Mapped[bool] = mapped_column(Boolean)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Reconciliation(Base):
    """One comparison of the registry with the HR system's roster, and what was done about it.
    The roster itself is not kept: only the findings, which name people by id."""

    __tablename__ = "reconciliations"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(ReconciliationStatus)})", name="status"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    status: Mapped[ReconciliationStatus] = mapped_column(String(16))
    as_of: Mapped[dt.date] = mapped_column(Date)
    roster_size: Mapped[int] = mapped_column(Integer)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    submitted_by: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    applied_by: Mapped[str | None] = mapped_column(String(200))
    applied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
