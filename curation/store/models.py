"""SQLAlchemy models of the workspace's core tables: the declarative base, datasets, imports,
records, completions, pairs, users, logins, the audit log, settings, PII, dedup, exports and
jobs (docs/architecture.md). The labelling tables live in :mod:`curation.store.labeling_models` (same ``Base``, same
metadata). Schema changes go through Alembic migrations."""

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
    status_reason: Mapped[str] = mapped_column(sa.Text, default="")
    split: Mapped[str | None] = mapped_column(sa.String(20), nullable=True)
    # none: never scanned; pending: unreviewed findings; reviewed: decided, not applied;
    # redacted: applied (see redacted_messages, redacted_extra, redacted_metadata);
    # clean: scanned, nothing found
    redaction: Mapped[str] = mapped_column(sa.String(20), default="none")
    redacted_messages: Mapped[list[dict[str, Any]] | None] = mapped_column(Json, nullable=True)
    redacted_extra: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)
    redacted_metadata: Mapped[dict[str, Any] | None] = mapped_column(Json, nullable=True)
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
    redacted_messages: Mapped[list[dict[str, Any]] | None] = mapped_column(Json, nullable=True)
    # Unpaired (KTO) feedback from the source: True desirable, False not, None none given.
    label: Mapped[bool | None] = mapped_column(sa.Boolean, nullable=True)

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


class LoginSession(Base):
    """A browser login that survives a page refresh. Only a hash of the cookie's token is stored."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_name: Mapped[str] = mapped_column(sa.String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)


class LoginAttempt(Base):
    """A failed login, kept for :data:`curation.auth.THROTTLE_WINDOW` to throttle guessing.

    Rows live in the store (not in a process) so that every app process sees the same
    count; a successful login deletes its account's rows.
    """

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(sa.String(200), index=True)
    address: Mapped[str] = mapped_column(sa.String(100), default="", index=True)


# --------------------------------------------------------------------------- settings


class Setting(Base):
    """Workspace-wide settings and secrets generated once (e.g. the PII hashing salt)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(Json)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


# --------------------------------------------------------------------------- PII


class PiiRun(Base):
    """One scan of a dataset for personal data, with the settings it used."""

    __tablename__ = "pii_runs"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    actor: Mapped[str] = mapped_column(sa.String(200), default="")
    settings: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(sa.String(20), default="running")
    n_records: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_findings: Mapped[int] = mapped_column(sa.Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)


class PiiFinding(Base):
    """A span of personal data in one string of a record.

    ``location`` names the string: ``messages[2].content``, ``messages[1].content[0].text``,
    ``messages[3].tool_calls[0].function.arguments``, ``completions[1].messages[0].content``.
    ``start``/``end`` are character offsets in that string; ``text`` is the value found.
    """

    __tablename__ = "pii_findings"
    __table_args__ = (
        sa.Index("ix_pii_findings_dataset_status", "dataset_id", "status"),
        sa.Index("ix_pii_findings_dataset_value", "dataset_id", "entity", "text"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        sa.ForeignKey("pii_runs.id", ondelete="CASCADE"), index=True
    )
    dataset_id: Mapped[int] = mapped_column(sa.ForeignKey("datasets.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(
        sa.ForeignKey("records.id", ondelete="CASCADE"), index=True
    )
    location: Mapped[str] = mapped_column(sa.String(300))
    start: Mapped[int] = mapped_column(sa.Integer)
    end: Mapped[int] = mapped_column(sa.Integer)
    entity: Mapped[str] = mapped_column(sa.String(60))
    text: Mapped[str] = mapped_column(sa.Text)
    score: Mapped[float] = mapped_column(sa.Float, default=0.0)
    source: Mapped[str] = mapped_column(sa.String(60), default="presidio")
    status: Mapped[str] = mapped_column(sa.String(20), default="pending")
    decided_by: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)


class PiiRule(Base):
    """A workspace rule: ``allow`` (never PII), ``deny`` (always PII) or ``pattern`` (a regex)."""

    __tablename__ = "pii_rules"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    entity: Mapped[str] = mapped_column(sa.String(60), default="")
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    value: Mapped[str] = mapped_column(sa.Text)
    score: Mapped[float] = mapped_column(sa.Float, default=0.9)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_by: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


# --------------------------------------------------------------------------- dedup


class DedupRun(Base):
    """One deduplication of a dataset: embedder, threshold, floor, and what it found."""

    __tablename__ = "dedup_runs"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    actor: Mapped[str] = mapped_column(sa.String(200), default="")
    embedder: Mapped[str] = mapped_column(sa.String(40), default="")
    threshold: Mapped[float] = mapped_column(sa.Float)
    floor: Mapped[float] = mapped_column(sa.Float)
    settings: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    stats: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    status: Mapped[str] = mapped_column(sa.String(20), default="running")
    n_records: Mapped[int] = mapped_column(sa.Integer, default=0)
    n_clusters: Mapped[int] = mapped_column(sa.Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)


class DedupPair(Base):
    """A pair of records whose similarity is at or above the run's floor (kept for re-thresholding)."""

    __tablename__ = "dedup_pairs"
    __table_args__ = (sa.Index("ix_dedup_pairs_run_similarity", "run_id", "similarity"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("dedup_runs.id", ondelete="CASCADE"))
    record_a_id: Mapped[int] = mapped_column(sa.ForeignKey("records.id", ondelete="CASCADE"))
    record_b_id: Mapped[int] = mapped_column(sa.ForeignKey("records.id", ondelete="CASCADE"))
    similarity: Mapped[float] = mapped_column(sa.Float)
    kind: Mapped[str] = mapped_column(sa.String(20), default="semantic")
    verified: Mapped[bool] = mapped_column(sa.Boolean, default=False)


class DedupCluster(Base):
    """Records judged duplicates of each other at the run's threshold, and the lead's decision."""

    __tablename__ = "dedup_clusters"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dedup_runs.id", ondelete="CASCADE"), index=True
    )
    representative_id: Mapped[int] = mapped_column(sa.ForeignKey("records.id", ondelete="CASCADE"))
    size: Mapped[int] = mapped_column(sa.Integer)
    max_similarity: Mapped[float] = mapped_column(sa.Float, default=1.0)
    min_similarity: Mapped[float] = mapped_column(sa.Float, default=1.0)
    decision: Mapped[str] = mapped_column(sa.String(20), default="pending")
    decided_by: Mapped[str | None] = mapped_column(sa.String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)


class DedupMember(Base):
    __tablename__ = "dedup_members"

    cluster_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dedup_clusters.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[int] = mapped_column(
        sa.ForeignKey("records.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    similarity: Mapped[float] = mapped_column(sa.Float, default=1.0)
    kept: Mapped[bool] = mapped_column(sa.Boolean, default=True)


# --------------------------------------------------------------------------- export & AI judge
# --------------------------------------------------------------------------- export


class Export(Base):
    """One export: the files written, their manifest and who made them.

    ``status`` is ``pending`` from the moment the export reserves its id (just before its
    files are renamed into place) until it is recorded ``done``; ``failed`` when it could
    not finish (``note`` says what is on disk); ``interrupted`` when the process that owned
    it (``owner``: host, pid and start time) died while it was pending.
    """

    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    dataset_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="SET NULL"), nullable=True, index=True
    )
    format: Mapped[str] = mapped_column(sa.String(40))
    actor: Mapped[str] = mapped_column(sa.String(200), default="")
    files: Mapped[list[dict[str, Any]]] = mapped_column(Json, default=list)
    manifest: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    pii_override: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    status: Mapped[str] = mapped_column(sa.String(20), default="done")
    owner: Mapped[str] = mapped_column(sa.String(300), default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


# --------------------------------------------------------------------------- jobs


class Job(Base):
    """One long piece of work (import, dedup, export, PII scan, leakage) run by a job runner.

    ``runner_id`` is the runner process that claimed it (host:pid:start); ``heartbeat_at`` is
    refreshed by that runner while it runs, so another runner can tell a dead one.
    """

    __tablename__ = "jobs"
    __table_args__ = (sa.Index("ix_jobs_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    params: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    dataset_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("datasets.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_by: Mapped[str] = mapped_column(sa.String(200), default="")
    status: Mapped[str] = mapped_column(sa.String(20), default="queued")
    stage: Mapped[str] = mapped_column(sa.String(80), default="")
    done: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    total: Mapped[int | None] = mapped_column(sa.BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    progress_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(sa.DateTime, nullable=True)
    runner_id: Mapped[str] = mapped_column(sa.String(300), default="")
    result: Mapped[dict[str, Any]] = mapped_column(Json, default=dict)
    error: Mapped[str] = mapped_column(sa.Text, default="")
    cancel_requested: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    rerun_of: Mapped[int | None] = mapped_column(sa.BigInteger, nullable=True)
