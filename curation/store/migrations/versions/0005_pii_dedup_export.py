"""pii dedup export judge settings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 06:56:15.887150
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pii_rules",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pii_rules")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "dedup_runs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "dataset_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("embedder", sa.String(length=40), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("floor", sa.Float(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("n_records", sa.Integer(), nullable=False),
        sa.Column("n_clusters", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_dedup_runs_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedup_runs")),
    )
    with op.batch_alter_table("dedup_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dedup_runs_dataset_id"), ["dataset_id"], unique=False)

    op.create_table(
        "exports",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "dataset_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("format", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.Column("pii_override", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_exports_dataset_id_datasets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
    )
    with op.batch_alter_table("exports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exports_dataset_id"), ["dataset_id"], unique=False)

    op.create_table(
        "pii_runs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "dataset_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("n_records", sa.Integer(), nullable=False),
        sa.Column("n_findings", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_pii_runs_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pii_runs")),
    )
    with op.batch_alter_table("pii_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pii_runs_dataset_id"), ["dataset_id"], unique=False)

    op.create_table(
        "dedup_clusters",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "representative_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("max_similarity", sa.Float(), nullable=False),
        sa.Column("min_similarity", sa.Float(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["representative_id"],
            ["records.id"],
            name=op.f("fk_dedup_clusters_representative_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["dedup_runs.id"],
            name=op.f("fk_dedup_clusters_run_id_dedup_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedup_clusters")),
    )
    with op.batch_alter_table("dedup_clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dedup_clusters_run_id"), ["run_id"], unique=False)

    op.create_table(
        "dedup_pairs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "record_a_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "record_b_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_a_id"],
            ["records.id"],
            name=op.f("fk_dedup_pairs_record_a_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_b_id"],
            ["records.id"],
            name=op.f("fk_dedup_pairs_record_b_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["dedup_runs.id"],
            name=op.f("fk_dedup_pairs_run_id_dedup_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedup_pairs")),
    )
    with op.batch_alter_table("dedup_pairs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_dedup_pairs_run_similarity", ["run_id", "similarity"], unique=False
        )

    op.create_table(
        "pii_findings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("run_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "dataset_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "record_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_pii_findings_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_pii_findings_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["pii_runs.id"],
            name=op.f("fk_pii_findings_run_id_pii_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pii_findings")),
    )
    with op.batch_alter_table("pii_findings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pii_findings_dataset_status", ["dataset_id", "status"], unique=False
        )
        batch_op.create_index(
            "ix_pii_findings_dataset_value", ["dataset_id", "entity", "text"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_pii_findings_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pii_findings_run_id"), ["run_id"], unique=False)

    op.create_table(
        "dedup_members",
        sa.Column(
            "cluster_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "record_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["dedup_clusters.id"],
            name=op.f("fk_dedup_members_cluster_id_dedup_clusters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_dedup_members_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cluster_id", "record_id", name=op.f("pk_dedup_members")),
    )
    with op.batch_alter_table("dedup_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dedup_members_record_id"), ["record_id"], unique=False)

    op.create_table(
        "judge_suggestions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("task_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("choice_ab", sa.Integer(), nullable=True),
        sa.Column("choice_ba", sa.Integer(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_judge_suggestions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["tasks.id"],
            name=op.f("fk_judge_suggestions_task_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judge_suggestions")),
        sa.UniqueConstraint("task_id", "model", name=op.f("uq_judge_suggestions_task_id_model")),
    )
    with op.batch_alter_table("judge_suggestions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_judge_suggestions_campaign_id"), ["campaign_id"], unique=False
        )

    with op.batch_alter_table("completions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redacted_messages", sa.JSON(), nullable=True))

    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("redacted_messages", sa.JSON(), nullable=True))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite ≥ 3.35): a batch rebuild would drop and recreate records,
    # and with foreign keys on that cascades into completions
    op.drop_column("records", "redacted_messages")
    op.drop_column("records", "status_reason")
    op.drop_column("completions", "redacted_messages")

    with op.batch_alter_table("judge_suggestions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_judge_suggestions_campaign_id"))

    op.drop_table("judge_suggestions")
    with op.batch_alter_table("dedup_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dedup_members_record_id"))

    op.drop_table("dedup_members")
    with op.batch_alter_table("pii_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pii_findings_run_id"))
        batch_op.drop_index(batch_op.f("ix_pii_findings_record_id"))
        batch_op.drop_index("ix_pii_findings_dataset_value")
        batch_op.drop_index("ix_pii_findings_dataset_status")

    op.drop_table("pii_findings")
    with op.batch_alter_table("dedup_pairs", schema=None) as batch_op:
        batch_op.drop_index("ix_dedup_pairs_run_similarity")

    op.drop_table("dedup_pairs")
    with op.batch_alter_table("dedup_clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dedup_clusters_run_id"))

    op.drop_table("dedup_clusters")
    with op.batch_alter_table("pii_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pii_runs_dataset_id"))

    op.drop_table("pii_runs")
    with op.batch_alter_table("exports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exports_dataset_id"))

    op.drop_table("exports")
    with op.batch_alter_table("dedup_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dedup_runs_dataset_id"))

    op.drop_table("dedup_runs")
    op.drop_table("settings")
    op.drop_table("pii_rules")
