"""Comment moderation and public records: reason codes, captured comments, the action
ledger, author blocks, appeals and legal holds.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:46:33.748783
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "moderation_reason_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("clause_ref", sa.String(length=40), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_reason_codes")),
        sa.UniqueConstraint("code", name=op.f("uq_moderation_reason_codes_code")),
    )
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("author_handle", sa.String(length=320), nullable=True),
        sa.Column("author_key", sa.String(length=320), nullable=True),
        sa.Column("posted_from", sa.Date(), nullable=True),
        sa.Column("posted_to", sa.Date(), nullable=True),
        sa.Column("placed_by", sa.String(length=200), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_by", sa.String(length=200), nullable=True),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("release_reason", sa.String(length=2000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "posted_from IS NULL OR posted_to IS NULL OR posted_from <= posted_to",
            name=op.f("ck_legal_holds_period_order"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_legal_holds_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_legal_holds_released_at"), ["released_at"], unique=False
        )

    op.create_table(
        "comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("author_handle", sa.String(length=320), nullable=False),
        sa.Column("author_key", sa.String(length=320), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_by", sa.String(length=200), nullable=False),
        sa.Column("screening_id", sa.Uuid(), nullable=True),
        sa.Column("screening_decision", sa.String(length=16), nullable=False),
        sa.Column("screening_categories", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("last_action_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retention_class", sa.String(length=32), nullable=False),
        sa.Column("retain_until", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "retention_class IN ('comment', 'moderated_comment')",
            name=op.f("ck_comments_retention_class"),
        ),
        sa.CheckConstraint(
            "status IN ('visible', 'hidden', 'deleted')", name=op.f("ck_comments_status")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_comments_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_comments_screening_id_screenings"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sa.UniqueConstraint(
            "account_id", "external_id", name=op.f("uq_comments_account_id_external_id")
        ),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_comments_account_id_author_key"),
            ["account_id", "author_key"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_comments_account_id_posted_at"),
            ["account_id", "posted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_comments_needs_review_posted_at"),
            ["needs_review", "posted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_comments_retain_until"), ["retain_until"], unique=False
        )

    op.create_table(
        "moderation_actions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("comment_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("author_key", sa.String(length=320), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=64), nullable=False),
        sa.Column("clause_policy_id", sa.Uuid(), nullable=False),
        sa.Column("clause_version_id", sa.Uuid(), nullable=False),
        sa.Column("clause_version_label", sa.String(length=64), nullable=False),
        sa.Column("clause_ref", sa.String(length=40), nullable=False),
        sa.Column("clause_title", sa.String(length=300), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status_before", sa.String(length=16), nullable=False),
        sa.Column("status_after", sa.String(length=16), nullable=False),
        sa.Column("moderator_person_id", sa.Uuid(), nullable=False),
        sa.Column("acted_by", sa.String(length=200), nullable=False),
        sa.Column("acted_by_actor_id", sa.String(length=64), nullable=False),
        sa.Column("acted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('hide', 'restore', 'delete', 'block', 'unblock', 'keep')",
            name=op.f("ck_moderation_actions_action"),
        ),
        sa.CheckConstraint(
            "status_after IN ('visible', 'hidden', 'deleted')",
            name=op.f("ck_moderation_actions_status_after"),
        ),
        sa.CheckConstraint(
            "status_before IN ('visible', 'hidden', 'deleted')",
            name=op.f("ck_moderation_actions_status_before"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_moderation_actions_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["clause_policy_id"],
            ["policies.id"],
            name=op.f("fk_moderation_actions_clause_policy_id_policies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["clause_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_moderation_actions_clause_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_moderation_actions_comment_id_comments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["moderator_person_id"],
            ["people.id"],
            name=op.f("fk_moderation_actions_moderator_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reason_code"],
            ["moderation_reason_codes.code"],
            name=op.f("fk_moderation_actions_reason_code_moderation_reason_codes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_actions")),
    )
    with op.batch_alter_table("moderation_actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_actions_account_id_acted_at"),
            ["account_id", "acted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_moderation_actions_comment_id_acted_at"),
            ["comment_id", "acted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_moderation_actions_moderator_person_id_acted_at"),
            ["moderator_person_id", "acted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_moderation_actions_reason_code"), ["reason_code"], unique=False
        )

    op.create_table(
        "author_blocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("author_handle", sa.String(length=320), nullable=False),
        sa.Column("author_key", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_action_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by_person_id", sa.Uuid(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.String(length=2000), nullable=True),
        sa.Column("lifted_action_id", sa.Uuid(), nullable=True),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'active', 'rejected', 'lifted')",
            name=op.f("ck_author_blocks_status"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_author_blocks_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_person_id"],
            ["people.id"],
            name=op.f("fk_author_blocks_decided_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["lifted_action_id"],
            ["moderation_actions.id"],
            name=op.f("fk_author_blocks_lifted_action_id_moderation_actions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_action_id"],
            ["moderation_actions.id"],
            name=op.f("fk_author_blocks_requested_action_id_moderation_actions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_person_id"],
            ["people.id"],
            name=op.f("fk_author_blocks_requested_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_author_blocks")),
        sa.UniqueConstraint(
            "requested_action_id", name=op.f("uq_author_blocks_requested_action_id")
        ),
    )
    with op.batch_alter_table("author_blocks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_author_blocks_status_requested_at"),
            ["status", "requested_at"],
            unique=False,
        )
        batch_op.create_index(
            "uq_author_blocks_open",
            ["account_id", "author_key"],
            unique=True,
            sqlite_where=sa.text("status IN ('pending', 'active')"),
            postgresql_where=sa.text("status IN ('pending', 'active')"),
        )

    op.create_table(
        "moderation_appeals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("comment_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=320), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.String(length=2000), nullable=True),
        sa.Column("remedy_action_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'upheld', 'denied')", name=op.f("ck_moderation_appeals_status")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_moderation_appeals_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["moderation_actions.id"],
            name=op.f("fk_moderation_appeals_action_id_moderation_actions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_moderation_appeals_comment_id_comments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_person_id"],
            ["people.id"],
            name=op.f("fk_moderation_appeals_decided_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["remedy_action_id"],
            ["moderation_actions.id"],
            name=op.f("fk_moderation_appeals_remedy_action_id_moderation_actions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_appeals")),
        sa.UniqueConstraint("action_id", name=op.f("uq_moderation_appeals_action_id")),
    )
    with op.batch_alter_table("moderation_appeals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_moderation_appeals_comment_id"), ["comment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_moderation_appeals_status_submitted_at"),
            ["status", "submitted_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("moderation_appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderation_appeals_status_submitted_at"))
        batch_op.drop_index(batch_op.f("ix_moderation_appeals_comment_id"))

    op.drop_table("moderation_appeals")
    with op.batch_alter_table("author_blocks", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_author_blocks_open",
            sqlite_where=sa.text("status IN ('pending', 'active')"),
            postgresql_where=sa.text("status IN ('pending', 'active')"),
        )
        batch_op.drop_index(batch_op.f("ix_author_blocks_status_requested_at"))

    op.drop_table("author_blocks")
    with op.batch_alter_table("moderation_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moderation_actions_reason_code"))
        batch_op.drop_index(batch_op.f("ix_moderation_actions_moderator_person_id_acted_at"))
        batch_op.drop_index(batch_op.f("ix_moderation_actions_comment_id_acted_at"))
        batch_op.drop_index(batch_op.f("ix_moderation_actions_account_id_acted_at"))

    op.drop_table("moderation_actions")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_retain_until"))
        batch_op.drop_index(batch_op.f("ix_comments_needs_review_posted_at"))
        batch_op.drop_index(batch_op.f("ix_comments_account_id_posted_at"))
        batch_op.drop_index(batch_op.f("ix_comments_account_id_author_key"))

    op.drop_table("comments")
    with op.batch_alter_table("legal_holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_holds_released_at"))

    op.drop_table("legal_holds")
    op.drop_table("moderation_reason_codes")
