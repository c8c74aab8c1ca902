"""answer keys: each answer (or undo) from a browser carries the key the browser made for it,
so that an answer sent twice (a retry after a dropped connection) is stored once

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("judgments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_judgments_annotator_client_key"), ["annotator", "client_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("judgments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_judgments_annotator_client_key"), type_="unique")
        batch_op.drop_column("client_key")
