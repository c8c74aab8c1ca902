"""redacted copies of records' extra fields and metadata

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 10:00:00.000000

Scans before this revision read only messages and completions, so a record's ``extra``
(grader fields such as ``reference_answer``, other top-level keys an import kept) and its
``metadata`` were never looked at. The upgrade is honest about that: a scanned record
whose extra or metadata holds any string goes back to ``none`` (never scanned), its
redacted copies dropped, so export refuses it until it is scanned again (earlier decisions
are kept in ``pii_findings`` and carried over by the re-scan). A ``redacted`` record whose
extra and metadata hold no string keeps its state, with copies equal to the originals.
"""

from __future__ import annotations

from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SCANNED = ("pending", "reviewed", "redacted", "clean")
SCHEMA_KEYS = ("functions", "parallel_tool_calls", "tools")  # extra keys that hold no text
BATCH = 2000


def upgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redacted_extra", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("redacted_metadata", sa.JSON(), nullable=True))
    reset_unscanned_fields(op.get_bind())


def downgrade() -> None:
    # plain DROP COLUMN (SQLite ≥ 3.35): a batch rebuild would drop and recreate records,
    # and with foreign keys on that cascades into completions
    op.drop_column("records", "redacted_metadata")
    op.drop_column("records", "redacted_extra")


def has_string(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return any(has_string(v) for v in value.values())
    if isinstance(value, list):
        return any(has_string(v) for v in value)
    return False


def _loads(text: str | None) -> Any:
    return None if text is None else orjson.loads(text)


def reset_unscanned_fields(conn: sa.Connection) -> None:
    records = sa.table(
        "records",
        sa.column("id", sa.Integer),
        sa.column("redaction", sa.String),
        sa.column("extra", sa.JSON),
        sa.column("metadata", sa.JSON),
        sa.column("redacted_messages", sa.JSON),
        sa.column("redacted_extra", sa.JSON),
        sa.column("redacted_metadata", sa.JSON),
    )
    completions = sa.table(
        "completions", sa.column("record_id", sa.Integer), sa.column("redacted_messages", sa.JSON)
    )
    r = records.c
    conn.execute(
        sa.update(records)
        .where(r.redaction == "redacted")
        .values(redacted_extra=r.extra, redacted_metadata=r["metadata"])
    )
    empty = ("{}", "null")
    query = (
        sa.select(r.id, sa.cast(r.extra, sa.Text), sa.cast(r["metadata"], sa.Text))
        .where(
            r.redaction.in_(SCANNED),
            sa.or_(
                sa.cast(r.extra, sa.Text).not_in(empty),
                sa.cast(r["metadata"], sa.Text).not_in(empty),
            ),
        )
        .order_by(r.id)
    )
    last = 0
    while True:
        rows = conn.execute(query.where(r.id > last).limit(BATCH)).all()
        if not rows:
            break
        last = rows[-1][0]
        stale = [
            rid
            for rid, extra, meta in rows
            if has_string({k: v for k, v in (_loads(extra) or {}).items() if k not in SCHEMA_KEYS})
            or has_string(_loads(meta))
        ]
        if stale:
            conn.execute(
                sa.update(records)
                .where(r.id.in_(stale))
                .values(
                    redaction="none",
                    redacted_messages=sa.null(),
                    redacted_extra=sa.null(),
                    redacted_metadata=sa.null(),
                )
            )
            conn.execute(
                sa.update(completions)
                .where(completions.c.record_id.in_(stale))
                .values(redacted_messages=sa.null())
            )
