"""Dataset statistics and the paginated record browser, computed in SQL where the volume is."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.store import models as m
from curation.store.queries import get_dataset


@dataclass(frozen=True, slots=True)
class KtoLabels:
    """Unpaired (KTO) feedback on completions."""

    desirable: int
    undesirable: int


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One import run into the dataset."""

    file: str
    format: str
    imported: int
    skipped: int
    rejected: int
    at: str  # when it started, ISO 8601 to the second


@dataclass(frozen=True, slots=True)
class DatasetCounts:
    """The line ``curation datasets`` shows for a dataset."""

    dataset: str
    records: int
    completions: int
    pairs: int
    tokens: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DatasetStats:
    """Counts for one dataset (``tokens`` = message tokens + completion tokens)."""

    dataset: str
    records: int
    by_status: dict[str, int]
    completions: int
    pairs: int
    messages: int
    tokens: int
    message_tokens: int
    completion_tokens: int
    formats: dict[str, int]  # source format → records
    labels: KtoLabels
    imports: tuple[ImportRow, ...]

    @property
    def counts(self) -> DatasetCounts:
        return DatasetCounts(self.dataset, self.records, self.completions, self.pairs, self.tokens)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def dataset_stats(session: Session, name: str) -> DatasetStats:
    """Counts for one dataset: records by status, completions, pairs, tokens, formats, imports."""
    ds = get_dataset(session, name)
    rec = m.Record
    status_rows = session.execute(
        sa.select(
            rec.status,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(rec.n_messages), 0),
            sa.func.coalesce(sa.func.sum(rec.n_tokens), 0),
        )
        .where(rec.dataset_id == ds.id)
        .group_by(rec.status)
    ).all()
    by_status = {s: int(n) for s, n, _, _ in status_rows}
    completions, completion_tokens = session.execute(
        sa.select(
            sa.func.count(m.Completion.id), sa.func.coalesce(sa.func.sum(m.Completion.n_tokens), 0)
        )
        .join(rec, rec.id == m.Completion.record_id)
        .where(rec.dataset_id == ds.id)
    ).one()
    pairs = (
        session.scalar(sa.select(sa.func.count(m.Pair.id)).where(m.Pair.dataset_id == ds.id)) or 0
    )
    labels = dict(
        session.execute(
            sa.select(m.Completion.label, sa.func.count())
            .join(rec, rec.id == m.Completion.record_id)
            .where(rec.dataset_id == ds.id, m.Completion.label.is_not(None))
            .group_by(m.Completion.label)
        ).all()
    )
    formats = dict(
        session.execute(
            sa.select(rec.source_format, sa.func.count())
            .where(rec.dataset_id == ds.id)
            .group_by(rec.source_format)
        ).all()
    )
    message_tokens = sum(int(t) for *_, t in status_rows)
    return DatasetStats(
        dataset=ds.name,
        records=sum(by_status.values()),
        by_status=by_status,
        completions=int(completions),
        pairs=int(pairs),
        messages=sum(int(n) for _, _, n, _ in status_rows),
        tokens=message_tokens + int(completion_tokens),
        message_tokens=message_tokens,
        completion_tokens=int(completion_tokens),
        formats={str(k): int(v) for k, v in formats.items()},
        labels=KtoLabels(int(labels.get(True, 0)), int(labels.get(False, 0))),
        imports=tuple(
            ImportRow(
                file=r.path,
                format=r.format,
                imported=r.imported,
                skipped=r.skipped,
                rejected=r.rejected,
                at=r.started_at.isoformat(timespec="seconds"),
            )
            for r in session.scalars(
                sa.select(m.ImportRun)
                .where(m.ImportRun.dataset_id == ds.id)
                .order_by(m.ImportRun.id)
            )
        ),
    )


@dataclass(frozen=True, slots=True)
class TokenSummary:
    """Order statistics of the tokens per record (all 0 for an empty dataset)."""

    min: int
    median: float
    p90: float
    max: int
    mean: float


@dataclass(frozen=True, slots=True)
class Distributions:
    """Per-record distributions for the Datasets page's charts."""

    tokens: np.ndarray  # int64, tokens per record
    turns: dict[int, int]  # user turns → conversations
    roles: dict[str, int]  # role → messages, most common first
    token_summary: TokenSummary


def dataset_distributions(session: Session, name: str) -> Distributions:
    """Per-record distributions for charts: tokens, turns, roles (one pass over small columns)."""
    ds = get_dataset(session, name)
    rows = session.execute(
        sa.select(m.Record.n_tokens, m.Record.n_user_turns, m.Record.role_counts).where(
            m.Record.dataset_id == ds.id
        )
    )
    tokens: list[int] = []
    turns: Counter[int] = Counter()
    roles: Counter[str] = Counter()
    for n_tokens, n_turns, role_counts in rows:
        tokens.append(n_tokens)
        turns[n_turns] += 1
        roles.update(role_counts or {})
    arr = np.asarray(tokens, dtype=np.int64)
    return Distributions(
        tokens=arr,
        turns=dict(sorted(turns.items())),
        roles=dict(roles.most_common()),
        token_summary=_summary(arr),
    )


def _summary(arr: np.ndarray) -> TokenSummary:
    if arr.size == 0:
        return TokenSummary(0, 0, 0, 0, 0)
    return TokenSummary(
        min=int(arr.min()),
        median=float(np.median(arr)),
        p90=float(np.percentile(arr, 90)),
        max=int(arr.max()),
        mean=float(arr.mean()),
    )


@dataclass(slots=True)
class Page:
    records: list[m.Record]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def browse_records(
    session: Session,
    name: str,
    page: int = 1,
    page_size: int = 20,
    *,
    status: str | None = None,
    search: str | None = None,
) -> Page:
    """One page of records in import order; ``search`` matches message text (case-insensitive)."""
    ds = get_dataset(session, name)
    where = [m.Record.dataset_id == ds.id]
    if status:
        where.append(m.Record.status == status)
    if search:
        where.append(
            sa.cast(m.Record.messages, sa.Text).ilike(f"%{_escape_like(search)}%", escape="\\")
        )
    total = session.scalar(sa.select(sa.func.count()).select_from(m.Record).where(*where)) or 0
    page = max(1, min(page, max(1, -(-total // page_size))))
    records = list(
        session.scalars(
            sa.select(m.Record)
            .where(*where)
            .order_by(m.Record.id)
            .offset((page - 1) * page_size)
            .limit(page_size)
        )
    )
    return Page(records, int(total), page, page_size)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
