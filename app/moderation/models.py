"""Public comments captured from official accounts, what moderators did to them and why, the
blocks of their authors, appeals, and the legal holds that keep records past their retention.

Nothing here is destroyed by a moderator: deleting a comment on the platform changes its
status, never the row. Rows leave only through the purge, once their retention has ended and
no hold, open appeal or block needs them."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, UTCDateTime, sql_in, utcnow


class CommentStatus(StrEnum):
    """Where the comment stands on the platform."""

    VISIBLE = "visible"
    HIDDEN = "hidden"
    DELETED = "deleted"


class ActionKind(StrEnum):
    HIDE = "hide"
    RESTORE = "restore"
    DELETE = "delete"
    BLOCK = "block"
    UNBLOCK = "unblock"
    # A moderator looked at a flagged comment and left it up: recorded like any decision, so
    # that what was kept is as visible as what was removed.
    KEEP = "keep"


# Actions that take something away from the commenter: each can be appealed.
REMOVALS = frozenset({ActionKind.HIDE, ActionKind.DELETE, ActionKind.BLOCK})


class RetentionClass(StrEnum):
    COMMENT = "comment"
    MODERATED_COMMENT = "moderated_comment"


class BlockStatus(StrEnum):
    PENDING = "pending"  # asked for; waits for a second person
    ACTIVE = "active"
    REJECTED = "rejected"
    LIFTED = "lifted"


class AppealStatus(StrEnum):
    OPEN = "open"
    UPHELD = "upheld"  # the commenter was right: the removal is undone
    DENIED = "denied"


class ReasonCode(Base):
    """One entry of the town's published, content-neutral list of reasons for moderating,
    each tied to the clause of the terms of engagement it enforces."""

    __tablename__ = "moderation_reason_codes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    # A reference in the moderation policy, resolved in the version in force when it is used:
    # a revised policy that renumbers its terms needs the list revised too.
    clause_ref: Mapped[str] = mapped_column(String(40))
    actions: Mapped[list[str]] = mapped_column(JSON)
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Comment(Base):
    """A public comment on an official account, as captured by the city system that reads
    the platform: the original text, its author and times, kept as a town record."""

    __tablename__ = "comments"
    __table_args__ = (
        UniqueConstraint("account_id", "external_id"),
        CheckConstraint(f"status IN ({sql_in(CommentStatus)})", name="status"),
        CheckConstraint(f"retention_class IN ({sql_in(RetentionClass)})", name="retention_class"),
        Index(None, "account_id", "posted_at"),
        Index(None, "account_id", "author_key"),
        Index(None, "needs_review", "posted_at"),
        Index(None, "retain_until"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    external_id: Mapped[str] = mapped_column(String(200))
    author_handle: Mapped[str] = mapped_column(String(320))
    # The handle as blocks and holds compare it (case-folded, without a leading @).
    author_key: Mapped[str] = mapped_column(String(320))
    text: Mapped[str] = mapped_column(Text)
    posted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_by: Mapped[str] = mapped_column(String(200))
    screening_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("screenings.id", ondelete="RESTRICT")
    )
    screening_decision: Mapped[str] = mapped_column(String(16))
    screening_categories: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[CommentStatus] = mapped_column(String(16), default=CommentStatus.VISIBLE)
    # Flagged by screening and not yet looked at by a moderator: the moderation queue.
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    last_action_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    retention_class: Mapped[RetentionClass] = mapped_column(String(32))
    # Never moves earlier: each action and appeal decision can only extend it.
    retain_until: Mapped[dt.date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ModerationAction(Base):
    """One moderator's decision on a comment or its author: the reason code, the clause it
    enforces (as cited on that day) and who, when. Never changed once written."""

    __tablename__ = "moderation_actions"
    __table_args__ = (
        CheckConstraint(f"action IN ({sql_in(ActionKind)})", name="action"),
        CheckConstraint(f"status_before IN ({sql_in(CommentStatus)})", name="status_before"),
        CheckConstraint(f"status_after IN ({sql_in(CommentStatus)})", name="status_after"),
        Index(None, "comment_id", "acted_at"),
        Index(None, "account_id", "acted_at"),
        Index(None, "moderator_person_id", "acted_at"),
        Index(None, "reason_code"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    comment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("comments.id", ondelete="RESTRICT"))
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    author_key: Mapped[str] = mapped_column(String(320))
    action: Mapped[ActionKind] = mapped_column(String(16))
    reason_code: Mapped[str] = mapped_column(
        ForeignKey("moderation_reason_codes.code", ondelete="RESTRICT")
    )
    # The citation as it stood when the action was taken.
    clause_policy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policies.id", ondelete="RESTRICT")
    )
    clause_version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("policy_versions.id", ondelete="RESTRICT")
    )
    clause_version_label: Mapped[str] = mapped_column(String(64))
    clause_ref: Mapped[str] = mapped_column(String(40))
    clause_title: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(Text)
    status_before: Mapped[CommentStatus] = mapped_column(String(16))
    status_after: Mapped[CommentStatus] = mapped_column(String(16))
    moderator_person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    acted_by: Mapped[str] = mapped_column(String(200))
    acted_by_actor_id: Mapped[str] = mapped_column(String(64))
    acted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


_BLOCK_OPEN = "status IN ('pending', 'active')"


class AuthorBlock(Base):
    """A commenter blocked from an account. Asked for by one moderator, in effect only once
    a second person approves it (terms of engagement: blocking needs approval)."""

    __tablename__ = "author_blocks"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(BlockStatus)})", name="status"),
        Index(
            "uq_author_blocks_open",
            "account_id",
            "author_key",
            unique=True,
            sqlite_where=text(_BLOCK_OPEN),
            postgresql_where=text(_BLOCK_OPEN),
        ),
        Index(None, "status", "requested_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    author_handle: Mapped[str] = mapped_column(String(320))
    author_key: Mapped[str] = mapped_column(String(320))
    status: Mapped[BlockStatus] = mapped_column(String(16), default=BlockStatus.PENDING)
    requested_action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("moderation_actions.id", ondelete="RESTRICT"), unique=True
    )
    requested_by_person_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision_reason: Mapped[str | None] = mapped_column(String(2000))
    lifted_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("moderation_actions.id", ondelete="RESTRICT")
    )
    lifted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Appeal(Base):
    """A commenter's request for reconsideration of one removal, made with the token from the
    notice; decided by someone other than the moderator who acted."""

    __tablename__ = "moderation_appeals"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_in(AppealStatus)})", name="status"),
        Index(None, "status", "submitted_at"),
        Index(None, "comment_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # One appeal per action: a used token cannot be used again.
    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("moderation_actions.id", ondelete="RESTRICT"), unique=True
    )
    comment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("comments.id", ondelete="RESTRICT"))
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    statement: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(320))
    submitted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[AppealStatus] = mapped_column(String(16), default=AppealStatus.OPEN)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_by_person_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision_reason: Mapped[str | None] = mapped_column(String(2000))
    remedy_action_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("moderation_actions.id", ondelete="RESTRICT")
    )
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class LegalHold(Base):
    """Keeps every comment it covers past its retention until released: an access to
    information request, litigation. A criterion left empty covers everything on it."""

    __tablename__ = "legal_holds"
    __table_args__ = (
        CheckConstraint(
            "posted_from IS NULL OR posted_to IS NULL OR posted_from <= posted_to",
            name="period_order",
        ),
        Index(None, "released_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    reference: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="RESTRICT")
    )
    author_handle: Mapped[str | None] = mapped_column(String(320))
    author_key: Mapped[str | None] = mapped_column(String(320))
    posted_from: Mapped[dt.date | None] = mapped_column(Date)
    posted_to: Mapped[dt.date | None] = mapped_column(Date)
    placed_by: Mapped[str] = mapped_column(String(200))
    placed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    released_by: Mapped[str | None] = mapped_column(String(200))
    released_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    release_reason: Mapped[str | None] = mapped_column(String(2000))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
