"""Policies: policies, their versions and clauses, and the full-text index over clauses.

The search index differs by database and is invisible to the ORM: on SQLite an FTS5 table
kept in step with ``clauses`` by triggers (porter stemming, so "approves" finds "approval");
on PostgreSQL a GIN index over the English text-search vector of title (weight A) and text
(weight B). app/policies/search.py queries the same expressions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 09:16:11
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "policies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policies")),
        sa.UniqueConstraint("code", name=op.f("uq_policies_code")),
    )
    op.create_table(
        "policy_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("adopted_by", sa.String(length=200), nullable=True),
        sa.Column("adoption_body", sa.String(length=200), nullable=True),
        sa.Column("adoption_reference", sa.String(length=200), nullable=True),
        sa.Column("adoption_meeting_on", sa.Date(), nullable=True),
        sa.Column("adoption_vote", sa.JSON(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column("repealed_on", sa.Date(), nullable=True),
        sa.Column("repeal_reference", sa.String(length=200), nullable=True),
        sa.Column("coverage_rules", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status = 'draft' OR (adopted_on IS NOT NULL AND effective_from IS NOT NULL)",
            name=op.f("ck_policy_versions_adopted_has_dates"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'adopted', 'superseded', 'repealed')",
            name=op.f("ck_policy_versions_status"),
        ),
        sa.CheckConstraint(
            "effective_to IS NULL OR effective_from < effective_to",
            name=op.f("ck_policy_versions_effective_range"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["policies.id"],
            name=op.f("fk_policy_versions_policy_id_policies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["policy_versions.id"],
            name=op.f("fk_policy_versions_supersedes_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_versions")),
        sa.UniqueConstraint("policy_id", "label", name=op.f("uq_policy_versions_policy_id_label")),
    )
    with op.batch_alter_table("policy_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_policy_versions_policy_id_effective_from"),
            ["policy_id", "effective_from"],
            unique=False,
        )

    op.create_table(
        "clauses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("parent_ref", sa.String(length=64), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("applies_to", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind = 'definition' OR term IS NULL", name=op.f("ck_clauses_term_only_on_definitions")
        ),
        sa.CheckConstraint(
            "kind IN ('purpose', 'policy_statement', 'scope', 'exemption', 'definition', 'role', 'guideline', 'prohibited_content', 'account_criteria', 'emergency', 'media', 'election', 'training', 'terms_of_engagement', 'other')",
            name=op.f("ck_clauses_kind"),
        ),
        sa.CheckConstraint(
            "role IS NULL OR role IN ('council', 'cao', 'moderator', 'employee', 'contractor', 'volunteer')",
            name=op.f("ck_clauses_role"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id", "parent_ref"],
            ["clauses.version_id", "clauses.ref"],
            name="fk_clauses_parent",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["policy_versions.id"],
            name=op.f("fk_clauses_version_id_policy_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clauses")),
        sa.UniqueConstraint("version_id", "ref", name=op.f("uq_clauses_version_id_ref")),
    )
    with op.batch_alter_table("clauses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_clauses_version_id_kind"), ["version_id", "kind"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_clauses_version_id_position"), ["version_id", "position"], unique=False
        )
    _create_search_index()


# Keep in step with app/policies/search.py.
PG_SEARCH_VECTOR = (
    "(setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, text), 'B'))"
)


def _create_search_index() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_clauses_search ON clauses USING gin ({PG_SEARCH_VECTOR})")
        return
    op.execute(
        "CREATE VIRTUAL TABLE clause_search USING fts5("
        "clause_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER clauses_search_insert AFTER INSERT ON clauses BEGIN "
        "INSERT INTO clause_search (clause_id, title, text) VALUES (new.id, new.title, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER clauses_search_update AFTER UPDATE OF title, text ON clauses BEGIN "
        "DELETE FROM clause_search WHERE clause_id = old.id; "
        "INSERT INTO clause_search (clause_id, title, text) VALUES (new.id, new.title, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER clauses_search_delete AFTER DELETE ON clauses BEGIN "
        "DELETE FROM clause_search WHERE clause_id = old.id; "
        "END"
    )


def _drop_search_index() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_clauses_search")
        return
    for trigger in ("clauses_search_insert", "clauses_search_update", "clauses_search_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS clause_search")


def downgrade() -> None:
    _drop_search_index()
    with op.batch_alter_table("clauses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clauses_version_id_position"))
        batch_op.drop_index(batch_op.f("ix_clauses_version_id_kind"))

    op.drop_table("clauses")
    with op.batch_alter_table("policy_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_versions_policy_id_effective_from"))

    op.drop_table("policy_versions")
    op.drop_table("policies")
