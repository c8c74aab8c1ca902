"""thumbs campaigns: single-completion tasks, their judgments and aggregated outcomes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="pair")
        )
        batch_op.add_column(sa.Column("thumbs_policy", sa.JSON(), nullable=True))
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.alter_column("pair_id", existing_type=_ID, nullable=True)
        batch_op.add_column(sa.Column("completion_id", _ID, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_tasks_completion_id_completions"),
            "completions",
            ["completion_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_tasks_campaign_id_completion_id"), ["campaign_id", "completion_id"]
        )
    with op.batch_alter_table("judgments", schema=None) as batch_op:
        batch_op.alter_column("pair_id", existing_type=_ID, nullable=True)
        batch_op.add_column(sa.Column("completion_id", _ID, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_judgments_completion_id_completions"),
            "completions",
            ["completion_id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.create_table(
        "thumbs_outcomes",
        sa.Column("campaign_id", _ID, nullable=False),
        sa.Column("completion_id", _ID, nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("good", sa.Integer(), nullable=False),
        sa.Column("bad", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float(), nullable=False),
        sa.Column("prior_label", sa.Boolean(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_thumbs_outcomes_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["completion_id"],
            ["completions.id"],
            name=op.f("fk_thumbs_outcomes_completion_id_completions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "completion_id", name=op.f("pk_thumbs_outcomes")),
    )


def downgrade() -> None:
    op.drop_table("thumbs_outcomes")
    op.execute("DELETE FROM judgments WHERE pair_id IS NULL")
    op.execute("DELETE FROM tasks WHERE pair_id IS NULL")
    with op.batch_alter_table("judgments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_judgments_completion_id_completions"), type_="foreignkey"
        )
        batch_op.drop_column("completion_id")
        batch_op.alter_column("pair_id", existing_type=_ID, nullable=False)
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_tasks_campaign_id_completion_id"), type_="unique")
        batch_op.drop_constraint(
            batch_op.f("fk_tasks_completion_id_completions"), type_="foreignkey"
        )
        batch_op.drop_column("completion_id")
        batch_op.alter_column("pair_id", existing_type=_ID, nullable=False)
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("thumbs_policy")
        batch_op.drop_column("kind")
