"""Which dedup run is live and what state it is in: latest run, status, interrupted runs.

Only the dataset's latest finished run is live (its clusters and decisions are the ones
record statuses follow); a ``running`` run whose process is gone is ``interrupted`` and
marked nothing, since results are written in one transaction at the end.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.errors import ConflictError, NotFoundError
from curation.owners import process_alive
from curation.store import models as m


def latest_run(session: Session, dataset_id: int) -> m.DedupRun | None:
    """The dataset's most recently finished run: the only one whose clusters and decisions are live.

    Same order as the export stage's reading of it (finished_at, then id).
    """
    return session.scalar(
        sa.select(m.DedupRun)
        .where(m.DedupRun.dataset_id == dataset_id, m.DedupRun.status == "done")
        .order_by(m.DedupRun.finished_at.desc(), m.DedupRun.id.desc())
        .limit(1)
    )


def latest_clusters(session: Session, dataset_id: int) -> dict[int, int]:
    """record id → cluster id for every member of a cluster of the latest finished run.

    Export keeps each cluster inside one split: all members, kept or dropped, share a group.
    """
    run = latest_run(session, dataset_id)
    if run is None:
        return {}
    rows = session.execute(
        sa.select(m.DedupMember.record_id, m.DedupMember.cluster_id)
        .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
        .where(m.DedupCluster.run_id == run.id)
    )
    return {rid: cid for rid, cid in rows}


INTERRUPTED_ERROR = (
    "the process stopped (killed or crashed) before the run finished; it marked nothing"
)


def run_status(run: m.DedupRun) -> str:
    """The run's status, with a ``running`` one whose process is gone shown as
    ``interrupted`` (its results are written in one transaction at the end, so it marked
    nothing)."""
    if run.status == "running" and process_alive(str((run.stats or {}).get("owner", ""))) is False:
        return "interrupted"
    return run.status


def settle_interrupted_runs(session: Session, dataset_id: int) -> list[int]:
    """Record as ``interrupted`` the dataset's running runs whose process is gone; their ids."""
    stale = [
        run
        for run in session.scalars(
            sa.select(m.DedupRun).where(
                m.DedupRun.dataset_id == dataset_id, m.DedupRun.status == "running"
            )
        )
        if run_status(run) == "interrupted"
    ]
    for run in stale:
        run.status = "interrupted"
        run.stats = {"error": INTERRUPTED_ERROR}
    return [run.id for run in stale]


def list_runs(session: Session, dataset_id: int) -> list[m.DedupRun]:
    return list(
        session.scalars(
            sa.select(m.DedupRun)
            .where(m.DedupRun.dataset_id == dataset_id)
            .order_by(m.DedupRun.id.desc())
        )
    )


def live_run(session: Session, run_id: int) -> m.DedupRun:
    run = session.get(m.DedupRun, run_id)
    if run is None:
        raise NotFoundError(f"no dedup run {run_id}")
    if run.status != "done":
        raise ConflictError(f"dedup run {run_id} is {run.status}; only a finished run can change")
    latest = latest_run(session, run.dataset_id)
    if latest is not None and latest.id != run.id:
        raise ConflictError(
            f"dedup run {run_id} has been superseded by run {latest.id}; decide on the latest run"
        )
    return run


def count_dropped(s: Session, run_id: int) -> int:
    return int(
        s.scalar(
            sa.select(sa.func.count())
            .select_from(m.DedupMember)
            .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
            .where(m.DedupCluster.run_id == run_id, m.DedupMember.kept.is_(False))
        )
        or 0
    )
