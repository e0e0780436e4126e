from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    or_,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from app.core.db import Base, UTCDateTime, sql_in, utcnow
from app.policies.vocabulary import ClauseKind, PolicyRole, VersionStatus


class Policy(Base):
    __tablename__ = "policies"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # A short stable name other systems can use ("social-media"), unlike the title.
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class PolicyVersion(Base):
    """One text of a policy. In force from ``effective_from`` (inclusive) to ``effective_to``
    (exclusive, open while no later version has been adopted); drafts have no dates."""

    __tablename__ = "policy_versions"
    __table_args__ = (
        UniqueConstraint("policy_id", "label"),
        CheckConstraint(f"status IN ({sql_in(VersionStatus)})", name="status"),
        CheckConstraint(
            "status = 'draft' OR (adopted_on IS NOT NULL AND effective_from IS NOT NULL)",
            name="adopted_has_dates",
        ),
        CheckConstraint(
            "effective_to IS NULL OR effective_from < effective_to", name="effective_range"
        ),
        Index(None, "policy_id", "effective_from"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    policy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("policies.id", ondelete="RESTRICT"))
    label: Mapped[str] = mapped_column(String(64))
    status: Mapped[VersionStatus] = mapped_column(String(16), default=VersionStatus.DRAFT)
    summary: Mapped[str | None] = mapped_column(Text)
    effective_from: Mapped[dt.date | None] = mapped_column(Date)
    effective_to: Mapped[dt.date | None] = mapped_column(Date)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    # The adoption record: who decided, when, by which motion or resolution and vote.
    adopted_on: Mapped[dt.date | None] = mapped_column(Date)
    adopted_by: Mapped[str | None] = mapped_column(String(200))
    adoption_body: Mapped[str | None] = mapped_column(String(200))
    adoption_reference: Mapped[str | None] = mapped_column(String(200))
    adoption_meeting_on: Mapped[dt.date | None] = mapped_column(Date)
    adoption_vote: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    repealed_on: Mapped[dt.date | None] = mapped_column(Date)
    repeal_reference: Mapped[str | None] = mapped_column(String(200))
    coverage_rules: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @classmethod
    def in_force_on(cls, on: Any) -> ColumnElement[bool]:
        """Versions in force on a date: adopted (or since superseded or repealed) and the
        date within [effective_from, effective_to)."""
        return and_(
            cls.status != VersionStatus.DRAFT,
            cls.effective_from <= on,
            or_(cls.effective_to.is_(None), cls.effective_to > on),
        )


class Clause(Base):
    """A numbered part of a version's text, addressable by its reference ("4.2(c)")."""

    __tablename__ = "clauses"
    __table_args__ = (
        UniqueConstraint("version_id", "ref"),
        # The parent is a clause of the same version: a reference, not a row id, so a whole
        # document is written in one statement in document order.
        ForeignKeyConstraint(
            ["version_id", "parent_ref"],
            ["clauses.version_id", "clauses.ref"],
            name="fk_clauses_parent",
        ),
        CheckConstraint(f"kind IN ({sql_in(ClauseKind)})", name="kind"),
        CheckConstraint(f"role IS NULL OR role IN ({sql_in(PolicyRole)})", name="role"),
        CheckConstraint("kind = 'definition' OR term IS NULL", name="term_only_on_definitions"),
        Index(None, "version_id", "position"),
        Index(None, "version_id", "kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    ref: Mapped[str] = mapped_column(String(64))
    parent_ref: Mapped[str | None] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[ClauseKind] = mapped_column(String(32))
    term: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[PolicyRole | None] = mapped_column(String(16))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    applies_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
