"""SQLAlchemy models of the workspace (DESIGN.md §4). Schema changes go through Alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets BIGINT identities.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Plain JSON (not JSONB) keeps keys in the order the source gave them.
Json = sa.JSON()


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Dataset(Base):
    __tablename__ = "datasets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)

    imports: Mapped[list[ImportRun]] = relationship(back_populates="dataset")


class ImportRun(Base):
    """One file imported into a dataset: where it came from and what happened to each line."""

    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(sa.Text)
    format: Mapped[str] = mapped_column(sa.String(40))
    sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    actor: Mapped[str] = mapped_column(sa.String(200), default="")
    started_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    lines: Mapped[int] = mapped_column(sa.Integer, default=0)
    imported: Mapped[int] = mapped_column(sa.Integer, default=0)
    skipped: Mapped[int] = mapped_column(sa.Integer, default=0)
    rejected: Mapped[int] = mapped_column(sa.Integer, default=0)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(Json, default=list)

    dataset: Mapped[Dataset] = relationship(back_populates="imports")


class Record(Base):
    """A conversation. ``messages`` are kept exactly as the source gave them."""

    __tablename__ = "records"
    __table_args__ = (
        sa.UniqueConstraint("dataset_id", "content_hash"),
        sa.Index("ix_records_dataset_id_status", "dataset_id", "status"),
        sa.Index("ix_records_dataset_id_id", "dataset_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(sa.ForeignKey("datasets.id", ondelete="CASCADE"))
    import_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("imports.id", ondelete="SET NULL"), nullable=True
    )
    line: Mapped[int] = mapped_column(sa.Integer, default=0)
    source_format: Mapped[str] = mapped_column(sa.String(40), default="")
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    messages: Mapped[list[dict[str, Any]]] = mapped_column(Json)
    tools: Mapped[list[Any] | None] = mapped_column(Json, nullable=True)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", Json, default=dict)
    extra: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    rankings: Mapped[list[list[int]]] = mapped_column(Json, default=list)
    status: Mapped[str] = mapped_column(sa.String(20), default="active")
    split: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    redaction: Mapped[str] = mapped_column(sa.String(20), default="none")
    n_messages: Mapped[int] = mapped_column(sa.Integer, default=0)
    role_counts: Mapped[dict[str, int]] = mapped_column(Json, default=dict)
    n_user_turns: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_tokens: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_completions: Mapped[int] = mapped_column(sa.Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)

    completions: Mapped[list[Completion]] = relationship(
        back_populates="record", order_by="Completion.position", cascade="all, delete-orphan"
    )


class Completion(Base):
    __tablename__ = "completions"
    __table_args__ = (sa.UniqueConstraint("record_id", "position"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    record_id: Mapped[int] = mapped_column(sa.ForeignKey("records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(sa.Integer)
    messages: Mapped[list[dict[str, Any]]] = mapped_column(Json)
    source: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    scores: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    n_tokens: Mapped[int] = mapped_column(sa.Integer, default=0)

    record: Mapped[Record] = relationship(back_populates="completions")


class Pair(Base):
    """Two completions of one record to compare; ``preferred`` is what the source said, if anything."""

    __tablename__ = "pairs"
    __table_args__ = (
        sa.UniqueConstraint("completion_a_id", "completion_b_id"),
        sa.Index("ix_pairs_dataset_id_record_id", "dataset_id", "record_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(sa.ForeignKey("datasets.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(sa.ForeignKey("records.id", ondelete="CASCADE"))
    completion_a_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE")
    )
    completion_b_id: Mapped[int] = mapped_column(
        sa.ForeignKey("completions.id", ondelete="CASCADE")
    )
    preferred: Mapped[str | None] = mapped_column(sa.String(1), nullable=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    role: Mapped[str] = mapped_column(sa.String(20))
    password_hash: Mapped[str] = mapped_column(sa.Text, default="")
    disabled: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class AuditEvent(Base):
    """Append-only log of who did what to which object, and when."""

    __tablename__ = "audit_events"
    __table_args__ = (sa.Index("ix_audit_events_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[str] = mapped_column(sa.String(80))
    target_type: Mapped[str] = mapped_column(sa.String(40), default="")
    target_id: Mapped[str] = mapped_column(sa.String(80), default="")
    details: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
