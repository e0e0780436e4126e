"""Training: competencies, module versions, completions with their expiry, policy
acknowledgements; and the suspension the sweep records on access grants.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 14:04:36.103318
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "competencies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competencies")),
        sa.UniqueConstraint("code", name=op.f("uq_competencies_code")),
    )
    op.create_table(
        "policy_acknowledgements",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("policy_version_id", sa.Uuid(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_policy_acknowledgements_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_policy_acknowledgements_policy_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_acknowledgements")),
        sa.UniqueConstraint(
            "person_id",
            "policy_version_id",
            name=op.f("uq_policy_acknowledgements_person_id_policy_version_id"),
        ),
    )
    op.create_table(
        "training_modules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("module_version", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("competency_codes", sa.JSON(), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("pass_mark", sa.Float(), nullable=False),
        sa.Column("required_for_roles", sa.JSON(), nullable=False),
        sa.Column("policy_version_id", sa.Uuid(), nullable=True),
        sa.Column("retraining_on_new_policy", sa.Boolean(), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.Column("retraining_on_retire", sa.Boolean(), nullable=False),
        sa.Column("retirement_reason", sa.String(length=1000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "pass_mark >= 0 AND pass_mark <= 100", name=op.f("ck_training_modules_pass_mark_range")
        ),
        sa.CheckConstraint(
            "validity_days > 0", name=op.f("ck_training_modules_validity_days_positive")
        ),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_training_modules_policy_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_modules")),
        sa.UniqueConstraint(
            "code", "module_version", name=op.f("uq_training_modules_code_module_version")
        ),
    )
    with op.batch_alter_table("training_modules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_modules_code"), ["code"], unique=False)

    op.create_table(
        "training_completions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("module_id", sa.Uuid(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("pass_mark", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("evidence_reference", sa.String(length=500), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "expires_on >= completed_on", name=op.f("ck_training_completions_expiry_order")
        ),
        sa.CheckConstraint(
            "score >= 0 AND score <= 100", name=op.f("ck_training_completions_score_range")
        ),
        sa.ForeignKeyConstraint(
            ["module_id"],
            ["training_modules.id"],
            name=op.f("fk_training_completions_module_id_training_modules"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_training_completions_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_completions")),
        sa.UniqueConstraint("external_id", name=op.f("uq_training_completions_external_id")),
        sa.UniqueConstraint(
            "person_id",
            "module_id",
            "completed_on",
            name=op.f("uq_training_completions_person_id_module_id_completed_on"),
        ),
    )
    with op.batch_alter_table("training_completions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_completions_person_id_expires_on"),
            ["person_id", "expires_on"],
            unique=False,
        )

    with op.batch_alter_table("access_grants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("suspended_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("suspension_reason", sa.String(length=1000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("access_grants", schema=None) as batch_op:
        batch_op.drop_column("suspension_reason")
        batch_op.drop_column("suspended_at")

    with op.batch_alter_table("training_completions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_completions_person_id_expires_on"))

    op.drop_table("training_completions")
    with op.batch_alter_table("training_modules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_modules_code"))

    op.drop_table("training_modules")
    op.drop_table("policy_acknowledgements")
    op.drop_table("competencies")
