"""ranking campaigns: the answers a task shows, the ranks a judgment gives, applied outcomes

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ranking_settings", sa.JSON(), nullable=True))
    op.create_table(
        "ranking_slots",
        sa.Column("task_id", _ID, nullable=False),
        sa.Column("completion_id", _ID, nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["tasks.id"],
            name=op.f("fk_ranking_slots_task_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["completion_id"],
            ["completions.id"],
            name=op.f("fk_ranking_slots_completion_id_completions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", "completion_id", name=op.f("pk_ranking_slots")),
    )
    op.create_table(
        "judgment_ranks",
        sa.Column("judgment_id", _ID, nullable=False),
        sa.Column("completion_id", _ID, nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("shown_at", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judgment_id"],
            ["judgments.id"],
            name=op.f("fk_judgment_ranks_judgment_id_judgments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["completion_id"],
            ["completions.id"],
            name=op.f("fk_judgment_ranks_completion_id_completions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("judgment_id", "completion_id", name=op.f("pk_judgment_ranks")),
    )
    op.create_table(
        "ranking_outcomes",
        sa.Column("campaign_id", _ID, nullable=False),
        sa.Column("completion_id", _ID, nullable=False),
        sa.Column("record_id", _ID, nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("bad", sa.Integer(), nullable=False),
        sa.Column("rankings", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_ranking_outcomes_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["completion_id"],
            ["completions.id"],
            name=op.f("fk_ranking_outcomes_completion_id_completions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_ranking_outcomes_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "completion_id", name=op.f("pk_ranking_outcomes")),
    )
    with op.batch_alter_table("ranking_outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ranking_outcomes_record_id"), ["record_id"])


def downgrade() -> None:
    with op.batch_alter_table("ranking_outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ranking_outcomes_record_id"))
    op.drop_table("ranking_outcomes")
    op.drop_table("judgment_ranks")
    op.drop_table("ranking_slots")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("ranking_settings")
