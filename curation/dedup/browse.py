"""What the Deduplicate page reads about a run: its pairs, clusters, members and counts.

Each function takes a read session and returns plain frozen dataclasses, so the page
only renders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.dedup.cluster import NN_BINS
from curation.dedup.load import RunNote
from curation.dedup.lookups import (
    INTERRUPTED_ERROR,
    count_dropped,
    latest_run,
    list_runs,
    run_status,
)
from curation.dedup.units import display_text, preferred_completion
from curation.errors import NotFoundError
from curation.records import Completion
from curation.store import models as m


@dataclass(frozen=True, slots=True)
class PairView:
    """A stored pair of records and its similarity."""

    record_a: int
    record_b: int
    similarity: float
    kind: str
    verified: bool


def boundary_pairs(
    session: Session, run_id: int, threshold: float, n: int = 10
) -> tuple[list[PairView], list[PairView]]:
    """The least similar pairs accepted and the most similar rejected at ``threshold``."""
    p = m.DedupPair
    cols = (p.record_a_id, p.record_b_id, p.similarity, p.kind, p.verified)
    accepted = session.execute(
        sa.select(*cols)
        .where(p.run_id == run_id, p.kind == "semantic", p.similarity >= threshold)
        .order_by(p.similarity.asc(), p.id)
        .limit(n)
    )
    rejected = session.execute(
        sa.select(*cols)
        .where(p.run_id == run_id, p.kind == "semantic", p.similarity < threshold)
        .order_by(p.similarity.desc(), p.id)
        .limit(n)
    )
    return [PairView(*r) for r in accepted], [PairView(*r) for r in rejected]


@dataclass(frozen=True, slots=True)
class ThresholdCounts:
    """How many stored semantic pairs a threshold accepts and rejects."""

    accepted: int
    rejected: int


def count_at(session: Session, run_id: int, threshold: float) -> ThresholdCounts:
    """How many stored semantic pairs a threshold would accept and reject."""
    p = m.DedupPair
    above = session.scalar(
        sa.select(sa.func.count()).where(
            p.run_id == run_id, p.kind == "semantic", p.similarity >= threshold
        )
    )
    total = session.scalar(
        sa.select(sa.func.count()).where(p.run_id == run_id, p.kind == "semantic")
    )
    return ThresholdCounts(int(above or 0), int((total or 0) - (above or 0)))


CLUSTER_ORDERS = ("size", "least similar", "most similar", "id")  # see :func:`list_clusters`


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """One cluster of a run, as listed."""

    id: int
    size: int
    representative_id: int
    max_similarity: float
    min_similarity: float
    decision: str
    decided_by: str | None


def list_clusters(
    session: Session,
    run_id: int,
    *,
    decision: str | None = None,
    order: str = "size",
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[ClusterRow], int]:
    """A page of the run's clusters (largest or least similar first) and the total count."""
    c = m.DedupCluster
    where = [c.run_id == run_id]
    if decision:
        where.append(c.decision == decision)
    total = int(session.scalar(sa.select(sa.func.count()).select_from(c).where(*where)) or 0)
    orders: dict[str, tuple[Any, ...]] = {
        "size": (c.size.desc(), c.id),
        "least similar": (c.min_similarity.asc(), c.id),
        "most similar": (c.max_similarity.desc(), c.id),
        "id": (c.id,),
    }
    rows = session.execute(
        sa.select(
            c.id,
            c.size,
            c.representative_id,
            c.max_similarity,
            c.min_similarity,
            c.decision,
            c.decided_by,
        )
        .where(*where)
        .order_by(*orders.get(order, orders["size"]))
        .offset(offset)
        .limit(limit)
    )
    return [ClusterRow(*r) for r in rows], total


@dataclass(frozen=True, slots=True)
class MemberView:
    """A member of a cluster with its record's status and conversation text."""

    record_id: int
    similarity: float
    kept: bool
    status: str
    status_reason: str
    line: int
    representative: bool
    text: str
    messages: list[dict[str, Any]]


def cluster_members(session: Session, cluster_id: int) -> list[MemberView]:
    """Members with their conversation text, the representative first."""
    cluster = session.get(m.DedupCluster, cluster_id)
    if cluster is None:
        raise NotFoundError(f"no dedup cluster {cluster_id}")
    run = session.get_one(m.DedupRun, cluster.run_id)
    include_system = bool(run.settings.get("include_system"))
    rows = session.execute(
        sa.select(m.DedupMember, m.Record)
        .join(m.Record, m.Record.id == m.DedupMember.record_id)
        .where(m.DedupMember.cluster_id == cluster_id)
        .order_by(m.Record.id)
    ).all()
    out = []
    for member, record in rows:
        completion: list[dict[str, Any]] = []
        if record.completions:
            comps = [Completion(c.messages, c.source, c.scores) for c in record.completions]
            completion = comps[preferred_completion(comps, record.rankings or [])].messages
        out.append(
            MemberView(
                record_id=record.id,
                similarity=member.similarity,
                kept=member.kept,
                status=record.status,
                status_reason=record.status_reason,
                line=record.line,
                representative=record.id == cluster.representative_id,
                text=display_text(record.messages or [], completion, include_system=include_system),
                messages=list(record.messages or []) + list(completion),
            )
        )
    out.sort(key=lambda v: (not v.representative, v.record_id))
    return out


def record_texts(
    session: Session, ids: Sequence[int], *, include_system: bool = False
) -> dict[int, str]:
    rows = session.scalars(sa.select(m.Record).where(m.Record.id.in_(list(ids))))
    out = {}
    for record in rows:
        completion: list[dict[str, Any]] = []
        if record.completions:
            comps = [Completion(c.messages, c.source, c.scores) for c in record.completions]
            completion = comps[preferred_completion(comps, record.rankings or [])].messages
        out[record.id] = display_text(
            record.messages or [], completion, include_system=include_system
        )
    return out


def _decision_counts(session: Session, run_id: int) -> dict[str, int]:
    rows = session.execute(
        sa.select(m.DedupCluster.decision, sa.func.count())
        .where(m.DedupCluster.run_id == run_id)
        .group_by(m.DedupCluster.decision)
    )
    return {d: int(n) for d, n in rows}


# ----------------------------------------------------------------------------- runs


@dataclass(frozen=True, slots=True)
class RunRow:
    """One dedup run of a dataset, as listed for picking."""

    id: int
    status: str  # see :func:`~curation.dedup.lookups.run_status`
    embedder: str
    threshold: float
    started_at: datetime
    records: int
    live: bool  # the dataset's latest finished run


def run_rows(session: Session, dataset_id: int) -> list[RunRow]:
    """The dataset's runs, newest first."""
    latest = latest_run(session, dataset_id)
    return [
        RunRow(
            r.id,
            run_status(r),
            r.embedder,
            r.threshold,
            r.started_at,
            r.n_records,
            latest is not None and r.id == latest.id,
        )
        for r in list_runs(session, dataset_id)
    ]


@dataclass(frozen=True, slots=True)
class NeighbourHistogram:
    """Counts of each record's best similarity in equal bins over [0, 1]."""

    bins: int = NN_BINS
    counts: tuple[int, ...] = (0,) * NN_BINS
    without_neighbour: int = 0  # records with no pair stored

    def bars(self, low: float) -> list[tuple[float, float, int]]:
        """``(start, end, records)`` of each non-empty bin ending above ``low``."""
        width = 1.0 / self.bins
        return [
            (round(i * width, 4), round((i + 1) * width, 4), c)
            for i, c in enumerate(self.counts)
            if (i + 1) * width > low and c
        ]


@dataclass(frozen=True, slots=True)
class RunDetail:
    """A run with its statistics and where its review stands."""

    id: int
    status: str
    error: str  # why a failed or interrupted run stopped
    live: bool
    embedder: str  # the encoders used, e.g. "cascade(static→minilm)"
    index: str
    threshold: float
    floor: float
    records: int
    clusters: int
    duplicates: int
    exact_pairs: int
    candidates: int
    verified: int
    marked_duplicate: int
    pending: int  # clusters not decided yet
    rule: str
    include_system: bool
    seconds: float | None  # time the stages took, if timed
    empty: int
    notes: tuple[RunNote, ...]
    notes_total: int
    comparison: str
    histogram: NeighbourHistogram
    complete_from: float  # every pair scoring this or more was stored


def run_detail(session: Session, run_id: int) -> RunDetail:
    """Everything the page shows about one run."""
    run = session.get(m.DedupRun, run_id)
    if run is None:
        raise NotFoundError(f"no dedup run {run_id}")
    stats, settings = dict(run.stats or {}), dict(run.settings or {})
    status = run_status(run)
    latest = latest_run(session, run.dataset_id)
    timings = stats.get("timings") or {}
    hist = stats.get("nn_hist")
    notes = tuple(RunNote(**n) for n in stats.get("notes") or [])
    error = (
        INTERRUPTED_ERROR if status == "interrupted" else str(stats.get("error", "unknown error"))
    )
    return RunDetail(
        id=run.id,
        status=status,
        error=error,
        live=latest is not None and latest.id == run.id,
        embedder=str(stats.get("embedder", run.embedder)),
        index=str(stats.get("index", "no index")),
        threshold=run.threshold,
        floor=run.floor,
        records=int(stats.get("records", 0)),
        clusters=int(stats.get("clusters", 0)),
        duplicates=int(stats.get("duplicates", 0)),
        exact_pairs=int(stats.get("exact_pairs", 0)),
        candidates=int(stats.get("candidates", 0)),
        verified=int(stats.get("verified", 0)),
        marked_duplicate=count_dropped(session, run_id),
        pending=_decision_counts(session, run_id).get("pending", 0),
        rule=str(settings.get("rule")),
        include_system=bool(settings.get("include_system")),
        seconds=sum(timings.values()) if timings else None,
        empty=int(stats.get("empty", 0)),
        notes=notes,
        notes_total=int(stats.get("notes_total", len(notes))),
        comparison=str(settings.get("comparison", "")),
        histogram=NeighbourHistogram(hist["bins"], tuple(hist["counts"]), hist["without_neighbour"])
        if hist
        else NeighbourHistogram(),
        complete_from=float(stats.get("complete_from", run.floor)),
    )
