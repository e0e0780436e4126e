"""Account registry: official accounts with their requests, decisions and declared security
posture (a URL is unique among accounts not rejected or decommissioned), named access grants,
post records, HR-roster reconciliations, and the person an API key belongs to.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 13:03:13.405779
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reconciliations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("roster_size", sa.Integer(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("submitted_by", sa.String(length=200), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_by", sa.String(length=200), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'applied')", name=op.f("ck_reconciliations_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliations")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("handle", sa.String(length=320), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=500), nullable=False),
        sa.Column("approved_emergency_channel", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("business_need", sa.Text(), nullable=False),
        sa.Column("content_plan", sa.Text(), nullable=False),
        sa.Column("moderation_plan", sa.Text(), nullable=False),
        sa.Column("records_retention_acknowledged", sa.Boolean(), nullable=False),
        sa.Column("named_publisher_ids", sa.JSON(), nullable=False),
        sa.Column("backup_publisher_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("requested_by_actor_id", sa.String(length=64), nullable=False),
        sa.Column("requested_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.String(length=1000), nullable=True),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_reason", sa.String(length=1000), nullable=True),
        sa.Column("mfa_enabled", sa.Boolean(), nullable=True),
        sa.Column("recovery_contact", sa.String(length=16), nullable=True),
        sa.Column("vault_reference", sa.String(length=500), nullable=True),
        sa.Column("shared_login", sa.Boolean(), nullable=True),
        sa.Column("last_rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('corporate', 'departmental', 'program', 'emergency', 'elected_official_official')",
            name=op.f("ck_accounts_kind"),
        ),
        sa.CheckConstraint(
            "platform IN ('facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok', 'threads', 'bluesky', 'mastodon', 'nextdoor', 'other')",
            name=op.f("ck_accounts_platform"),
        ),
        sa.CheckConstraint(
            "recovery_contact IS NULL OR recovery_contact IN ('city', 'personal')",
            name=op.f("ck_accounts_recovery_contact"),
        ),
        sa.CheckConstraint(
            "status IN ('requested', 'approved', 'rejected', 'active', 'dormant', 'decommissioned')",
            name=op.f("ck_accounts_status"),
        ),
        sa.ForeignKeyConstraint(
            ["backup_publisher_id"],
            ["people.id"],
            name=op.f("fk_accounts_backup_publisher_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_person_id"],
            ["people.id"],
            name=op.f("fk_accounts_decided_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_accounts_department_id_departments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_person_id"],
            ["people.id"],
            name=op.f("fk_accounts_requested_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accounts_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_status_last_activity_at"),
            ["status", "last_activity_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_accounts_url"), ["url"], unique=False)
        batch_op.create_index(
            "uq_accounts_url_open",
            ["url"],
            unique=True,
            sqlite_where=sa.text("status NOT IN ('rejected', 'decommissioned')"),
            postgresql_where=sa.text("status NOT IN ('rejected', 'decommissioned')"),
        )

    op.create_table(
        "access_grants",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("granted_by", sa.String(length=200), nullable=False),
        sa.Column("granted_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=200), nullable=True),
        sa.Column("revocation_cause", sa.String(length=16), nullable=True),
        sa.Column("revocation_reason", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "revocation_cause IS NULL OR revocation_cause IN ('manual', 'offboarding', 'reconciliation')",
            name=op.f("ck_access_grants_revocation_cause"),
        ),
        sa.CheckConstraint(
            "role IN ('owner', 'publisher', 'moderator', 'analyst')",
            name=op.f("ck_access_grants_role"),
        ),
        sa.CheckConstraint(
            "(revoked_at IS NULL) = (revocation_cause IS NULL)",
            name=op.f("ck_access_grants_revocation_complete"),
        ),
        sa.CheckConstraint(
            "expires_at IS NULL OR expires_at > starts_at",
            name=op.f("ck_access_grants_period_order"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_access_grants_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["granted_by_person_id"],
            ["people.id"],
            name=op.f("fk_access_grants_granted_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_access_grants_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_grants")),
    )
    with op.batch_alter_table("access_grants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_access_grants_account_id_person_id"),
            ["account_id", "person_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_access_grants_person_id"), ["person_id"], unique=False)

    op.create_table(
        "account_posts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("external_url", sa.String(length=2048), nullable=True),
        sa.Column("screening_id", sa.Uuid(), nullable=True),
        sa.Column("authorised", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "external_id IS NOT NULL OR external_url IS NOT NULL",
            name=op.f("ck_account_posts_external_reference"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_account_posts_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_account_posts_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_account_posts_screening_id_screenings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_posts")),
        sa.UniqueConstraint(
            "account_id", "external_id", name=op.f("uq_account_posts_account_id_external_id")
        ),
    )
    with op.batch_alter_table("account_posts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_posts_account_id_posted_at"),
            ["account_id", "posted_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_account_posts_person_id_posted_at"),
            ["person_id", "posted_at"],
            unique=False,
        )

    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_api_keys_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_api_keys_person_id_people"),
            "people",
            ["person_id"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_api_keys_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_api_keys_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("account_posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_posts_person_id_posted_at"))
        batch_op.drop_index(batch_op.f("ix_account_posts_account_id_posted_at"))

    op.drop_table("account_posts")
    with op.batch_alter_table("access_grants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_grants_person_id"))
        batch_op.drop_index(batch_op.f("ix_access_grants_account_id_person_id"))

    op.drop_table("access_grants")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_accounts_url_open",
            sqlite_where=sa.text("status NOT IN ('rejected', 'decommissioned')"),
            postgresql_where=sa.text("status NOT IN ('rejected', 'decommissioned')"),
        )
        batch_op.drop_index(batch_op.f("ix_accounts_url"))
        batch_op.drop_index(batch_op.f("ix_accounts_status_last_activity_at"))
        batch_op.drop_index(batch_op.f("ix_accounts_department_id"))

    op.drop_table("accounts")
    op.drop_table("reconciliations")
