"""Audit events cannot be deleted either: the chain is append-only in the database itself.

Verification already finds a deleted event in the middle (a gap in the sequence); refusing
DELETE also protects the newest events, whose loss verification cannot see on its own.
TRUNCATE, a deliberate act of the database owner, is not a row operation and stays possible.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 08:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
