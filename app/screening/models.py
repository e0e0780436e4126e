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
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, sql_in, utcnow
from app.screening.engine.vocabulary import Category, ContentKind, Decision, Severity


class ReviewStatus(StrEnum):
    OPEN = "open"
    DECIDED = "decided"


class ReviewOutcome(StrEnum):
    """A moderator's decision: approve lets the text through, reject stops it, override sets
    another decision than the engine's (both with a reason)."""

    APPROVE = "approve"
    REJECT = "reject"
    OVERRIDE = "override"


class Ruleset(Base):
    """How a policy version is enforced: per category, the clause, severity and action per
    kind of content (`rules`), plus custom terms. `version` changes with every edit, terms
    included, and names the compiled engine every replica uses."""

    __tablename__ = "screening_rulesets"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    policy_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT"), unique=True
    )
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RulesetTerm(Base):
    """A word or phrase an administrator added to a ruleset's lexicon."""

    __tablename__ = "screening_terms"
    __table_args__ = (
        UniqueConstraint("ruleset_id", "phrase_key", "category"),
        CheckConstraint(f"category IN ({sql_in(Category)})", name="category"),
        CheckConstraint(f"severity IN ({sql_in(Severity)})", name="severity"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    ruleset_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("screening_rulesets.id", ondelete="CASCADE")
    )
    phrase: Mapped[str] = mapped_column(String(200))
    # Case and spacing folded, so "In  Camera" and "in camera" are one term.
    phrase_key: Mapped[str] = mapped_column(String(200))
    category: Mapped[Category] = mapped_column(String(32))
    severity: Mapped[Severity] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class Election(Base):
    """An election and its Election Period, during which campaign content on official
    accounts is blocked rather than sent for review."""

    __tablename__ = "elections"
    __table_args__ = (
        CheckConstraint("period_starts_on <= period_ends_on", name="period_order"),
        Index(None, "period_starts_on", "period_ends_on"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    voting_day: Mapped[dt.date | None] = mapped_column(Date)
    period_starts_on: Mapped[dt.date] = mapped_column(Date)
    period_ends_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Candidate(Base):
    """A registered candidate (a public record): named content about them is campaign
    content on an official account."""

    __tablename__ = "election_candidates"
    __table_args__ = (UniqueConstraint("election_id", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    election_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    office: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ScreeningConfig(Base):
    """One row whose `token` is rewritten with every change to what the engine is built from
    (rulesets, terms, elections, candidates): each replica compares it with the token of the
    engine it holds, one indexed read per screening. A random token rather than a counter, so
    a database emptied and filled again can never repeat an old one."""

    __tablename__ = "screening_config"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


class Screening(Base):
    """A verdict on one text. The text itself is kept only redacted, with a SHA-256 of the
    original to prove what was screened; the original only when the settings say so."""

    __tablename__ = "screenings"
    __table_args__ = (
        CheckConstraint(f"kind IN ({sql_in(ContentKind)})", name="kind"),
        CheckConstraint(f"decision IN ({sql_in(Decision)})", name="decision"),
        Index(None, "created_at"),
        Index(None, "account_id", "created_at"),
        Index(None, "decision", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[ContentKind] = mapped_column(String(16))
    decision: Mapped[Decision] = mapped_column(String(16))
    account_id: Mapped[uuid.UUID | None] = mapped_column()
    platform: Mapped[str | None] = mapped_column(String(40))
    screened_for: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    text_sha256: Mapped[str] = mapped_column(String(64))
    text_length: Mapped[int] = mapped_column(Integer)
    redacted_text: Mapped[str] = mapped_column(Text)
    original_text: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # The categories found, for filtering (a JSON list of vocabulary words).
    categories: Mapped[list[str]] = mapped_column(JSON)
    risk_flags: Mapped[list[str]] = mapped_column(JSON)
    media: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(40))
    ruleset_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("screening_rulesets.id", ondelete="RESTRICT")
    )
    ruleset_version: Mapped[str] = mapped_column(String(80))
    policy_version_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Who asked (an API key or user id) and, when known, the person: the author of a draft,
    # who may not decide its review.
    created_by: Mapped[str] = mapped_column(String(200))
    author_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )


class ScreeningReview(Base):
    """A screening a person must decide: opened by a `review` verdict."""

    __tablename__ = "screening_reviews"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(ReviewStatus)})", name="status"),
        CheckConstraint(f"outcome IS NULL OR outcome IN ({sql_in(ReviewOutcome)})", name="outcome"),
        CheckConstraint(
            "(status = 'open') = (outcome IS NULL AND decided_at IS NULL)", name="decided_fields"
        ),
        Index(None, "status", "opened_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    screening_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("screenings.id", ondelete="RESTRICT"), unique=True
    )
    kind: Mapped[ContentKind] = mapped_column(String(16))
    account_id: Mapped[uuid.UUID | None] = mapped_column()
    status: Mapped[ReviewStatus] = mapped_column(String(16), default=ReviewStatus.OPEN)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    outcome: Mapped[ReviewOutcome | None] = mapped_column(String(16))
    final_decision: Mapped[Decision | None] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
