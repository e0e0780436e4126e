"""Screening: rulesets tied to policy versions and their custom terms, elections and
registered candidates, the engine token every replica checks, screenings (redacted, with a
SHA-256 of the original text) and the review queue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 12:12:23.520615
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "elections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("voting_day", sa.Date(), nullable=True),
        sa.Column("period_starts_on", sa.Date(), nullable=False),
        sa.Column("period_ends_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "period_starts_on <= period_ends_on", name=op.f("ck_elections_period_order")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_elections")),
        sa.UniqueConstraint("name", name=op.f("uq_elections_name")),
    )
    with op.batch_alter_table("elections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_elections_period_starts_on_period_ends_on"),
            ["period_starts_on", "period_ends_on"],
            unique=False,
        )

    op.create_table(
        "screening_config",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_screening_config_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_config")),
    )
    op.create_table(
        "election_candidates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("election_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("office", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["election_id"],
            ["elections.id"],
            name=op.f("fk_election_candidates_election_id_elections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_election_candidates")),
        sa.UniqueConstraint(
            "election_id", "name", name=op.f("uq_election_candidates_election_id_name")
        ),
    )
    op.create_table(
        "screening_rulesets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("policy_version_id", sa.Uuid(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_screening_rulesets_policy_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_rulesets")),
        sa.UniqueConstraint(
            "policy_version_id", name=op.f("uq_screening_rulesets_policy_version_id")
        ),
    )
    op.create_table(
        "screening_terms",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ruleset_id", sa.Uuid(), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("phrase_key", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "category IN ('personal_information', 'confidential', 'profanity', 'threat', 'harassment', 'hate', 'sexual', 'spam', 'electioneering', 'emergency_channel', 'media_consent', 'accessibility', 'viewpoint_risk')",
            name=op.f("ck_screening_terms_category"),
        ),
        sa.CheckConstraint(
            "severity IN ('low', 'medium', 'high', 'critical')",
            name=op.f("ck_screening_terms_severity"),
        ),
        sa.ForeignKeyConstraint(
            ["ruleset_id"],
            ["screening_rulesets.id"],
            name=op.f("fk_screening_terms_ruleset_id_screening_rulesets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_terms")),
        sa.UniqueConstraint(
            "ruleset_id",
            "phrase_key",
            "category",
            name=op.f("uq_screening_terms_ruleset_id_phrase_key_category"),
        ),
    )
    op.create_table(
        "screenings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("platform", sa.String(length=40), nullable=True),
        sa.Column("screened_for", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_emergency", sa.Boolean(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("text_length", sa.Integer(), nullable=False),
        sa.Column("redacted_text", sa.Text(), nullable=False),
        sa.Column("original_text", sa.Text(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("risk_flags", sa.JSON(), nullable=False),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("engine_version", sa.String(length=40), nullable=False),
        sa.Column("ruleset_id", sa.Uuid(), nullable=True),
        sa.Column("ruleset_version", sa.String(length=80), nullable=False),
        sa.Column("policy_version_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("author_person_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "decision IN ('allow', 'review', 'block', 'hide')", name=op.f("ck_screenings_decision")
        ),
        sa.CheckConstraint("kind IN ('post', 'reply', 'comment')", name=op.f("ck_screenings_kind")),
        sa.ForeignKeyConstraint(
            ["author_person_id"],
            ["people.id"],
            name=op.f("fk_screenings_author_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["policy_version_id"],
            ["policy_versions.id"],
            name=op.f("fk_screenings_policy_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["ruleset_id"],
            ["screening_rulesets.id"],
            name=op.f("fk_screenings_ruleset_id_screening_rulesets"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
    )
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_screenings_account_id_created_at"),
            ["account_id", "created_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_screenings_created_at"), ["created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_screenings_decision_created_at"),
            ["decision", "created_at"],
            unique=False,
        )

    op.create_table(
        "screening_reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("screening_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("final_decision", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(status = 'open') = (outcome IS NULL AND decided_at IS NULL)",
            name=op.f("ck_screening_reviews_decided_fields"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('approve', 'reject', 'override')",
            name=op.f("ck_screening_reviews_outcome"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'decided')", name=op.f("ck_screening_reviews_status")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_person_id"],
            ["people.id"],
            name=op.f("fk_screening_reviews_decided_by_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_screening_reviews_screening_id_screenings"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_reviews")),
        sa.UniqueConstraint("screening_id", name=op.f("uq_screening_reviews_screening_id")),
    )
    with op.batch_alter_table("screening_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_screening_reviews_status_opened_at"),
            ["status", "opened_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("screening_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_reviews_status_opened_at"))

    op.drop_table("screening_reviews")
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screenings_decision_created_at"))
        batch_op.drop_index(batch_op.f("ix_screenings_created_at"))
        batch_op.drop_index(batch_op.f("ix_screenings_account_id_created_at"))

    op.drop_table("screenings")
    op.drop_table("screening_terms")
    op.drop_table("screening_rulesets")
    op.drop_table("election_candidates")
    op.drop_table("screening_config")
    with op.batch_alter_table("elections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_elections_period_starts_on_period_ends_on"))

    op.drop_table("elections")
