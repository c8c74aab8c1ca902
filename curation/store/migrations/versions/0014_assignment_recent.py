"""assignments by campaign and last change: the fair share counts the annotators at work
(an answer, skip or held item within the stale window) on every refill; without this index
that count reads every assignment the campaign ever had

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 07:20:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assignments_campaign_updated", ["campaign_id", "updated_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_campaign_updated")
