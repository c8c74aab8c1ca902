"""queue index in the queue's own order (disagreement descending)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_queue")
        batch_op.create_index(
            "ix_tasks_queue_order",
            ["campaign_id", "n_labels", sa.literal_column("disagreement").desc(), "queue_key"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_queue_order")
        batch_op.create_index(
            "ix_tasks_queue", ["campaign_id", "n_labels", "disagreement", "queue_key"], unique=False
        )
