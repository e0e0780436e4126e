from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, utcnow


class Competency(Base):
    """Something a moderator must be trained in (policy compliance, handling harassment...)."""

    __tablename__ = "competencies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TrainingModule(Base):
    """One version of a course: the competencies it covers, how long a pass counts, the policy
    version it teaches and the grant roles that need it."""

    __tablename__ = "training_modules"
    __table_args__ = (
        UniqueConstraint("code", "module_version"),
        CheckConstraint("validity_days > 0", name="validity_days_positive"),
        CheckConstraint("pass_mark >= 0 AND pass_mark <= 100", name="pass_mark_range"),
        Index(None, "code"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(64))
    module_version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    competency_codes: Mapped[list[str]] = mapped_column(JSON)
    validity_days: Mapped[int] = mapped_column(Integer)
    pass_mark: Mapped[float] = mapped_column(Float)
    required_for_roles: Mapped[list[str]] = mapped_column(JSON)
    policy_version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    retraining_on_new_policy: Mapped[bool] = mapped_column(Boolean, default=False)
    retired_on: Mapped[dt.date | None] = mapped_column(Date)
    retraining_on_retire: Mapped[bool] = mapped_column(Boolean, default=False)
    retirement_reason: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Completion(Base):
    """A person's result in one module version, as the learning-management system reports it."""

    __tablename__ = "training_completions"
    __table_args__ = (
        UniqueConstraint("person_id", "module_id", "completed_on"),
        UniqueConstraint("external_id"),
        CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
        CheckConstraint("expires_on >= completed_on", name="expiry_order"),
        Index(None, "person_id", "expires_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    module_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("training_modules.id", ondelete="RESTRICT")
    )
    completed_on: Mapped[dt.date] = mapped_column(Date)
    score: Mapped[float] = mapped_column(Float)
    pass_mark: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    expires_on: Mapped[dt.date] = mapped_column(Date)
    evidence_reference: Mapped[str | None] = mapped_column(String(500))
    # The learning-management system's own id for the record: a resend is recognised by it.
    external_id: Mapped[str | None] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Acknowledgement(Base):
    """A person's acknowledgement that they have read a policy version."""

    __tablename__ = "policy_acknowledgements"
    __table_args__ = (UniqueConstraint("person_id", "policy_version_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    policy_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    acknowledged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(200))
