"""export status: an export's history row is written (pending) before its files go in

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 07:00:00.000000

An export now reserves its id with a ``pending`` row before renaming its files into place
and marks it ``done`` after, so a crash in between leaves a row (``interrupted``) instead
of files naming an export the history does not have. Every export recorded before this
revision was recorded only once its files were in place: it is ``done``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exports", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), nullable=False, server_default="done")
        )
        batch_op.add_column(
            sa.Column("owner", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite >= 3.35), as in 0006
    op.drop_column("exports", "note")
    op.drop_column("exports", "owner")
    op.drop_column("exports", "status")
