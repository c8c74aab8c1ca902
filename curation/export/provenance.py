"""What the manifest says about where the rows came from: imports, PII runs, dedup run, campaign.

Dedup grouping uses ``curation.dedup.latest_clusters(session, dataset_id)`` when the
dedup stage provides it, and :func:`latest_clusters` here (same semantics, read
straight from the tables) otherwise; the manifest names the one used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.aggregate import Aggregation, Policy
from curation.labeling.campaigns import annotators_of, current_guideline
from curation.store import models as m

DEDUP_PROVIDER = "curation.dedup.latest_clusters"
LOCAL_PROVIDER = "curation.export.provenance.latest_clusters"


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


def latest_dedup_run(session: Session, dataset_id: int) -> m.DedupRun | None:
    """The dataset's most recently finished dedup run (status ``done``), if any."""
    return session.scalar(
        sa.select(m.DedupRun)
        .where(m.DedupRun.dataset_id == dataset_id, m.DedupRun.status == "done")
        .order_by(
            m.DedupRun.finished_at.desc().nulls_last(),
            m.DedupRun.id.desc(),
        )
        .limit(1)
    )


def latest_clusters(session: Session, dataset_id: int) -> dict[int, int]:
    """record id → cluster id, for every member of a cluster of the latest finished run."""
    run = latest_dedup_run(session, dataset_id)
    if run is None:
        return {}
    rows = session.execute(
        sa.select(m.DedupMember.record_id, m.DedupMember.cluster_id)
        .join(m.DedupCluster, m.DedupCluster.id == m.DedupMember.cluster_id)
        .where(m.DedupCluster.run_id == run.id)
    )
    return {int(record_id): int(cluster_id) for record_id, cluster_id in rows}


def cluster_provider() -> tuple[Callable[[Session, int], dict[int, int]], str]:
    """The dedup stage's ``latest_clusters`` when it exists, else ours."""
    try:
        module = importlib.import_module("curation.dedup")
    except ImportError:
        return latest_clusters, LOCAL_PROVIDER
    provided = getattr(module, "latest_clusters", None)
    if callable(provided):
        return provided, DEDUP_PROVIDER
    return latest_clusters, LOCAL_PROVIDER


def dedup_run_info(run: m.DedupRun | None) -> dict[str, Any] | None:
    if run is None:
        return None
    return {
        "id": run.id,
        "embedder": run.embedder,
        "threshold": run.threshold,
        "floor": run.floor,
        "settings": run.settings,
        "status": run.status,
        "records": run.n_records,
        "clusters": run.n_clusters,
        "actor": run.actor,
        "started_at": iso(run.started_at),
        "finished_at": iso(run.finished_at),
    }


def pii_runs(session: Session, dataset_id: int) -> list[dict[str, Any]]:
    runs = session.scalars(
        sa.select(m.PiiRun).where(m.PiiRun.dataset_id == dataset_id).order_by(m.PiiRun.id)
    )
    return [
        {
            "id": run.id,
            "status": run.status,
            "settings": run.settings,
            "records": run.n_records,
            "findings": run.n_findings,
            "actor": run.actor,
            "started_at": iso(run.started_at),
            "finished_at": iso(run.finished_at),
        }
        for run in runs
    ]


def import_sources(session: Session, rows_by_import: dict[int | None, int]) -> list[dict[str, Any]]:
    ids = [i for i in rows_by_import if i is not None]
    runs = {
        run.id: run
        for run in session.scalars(sa.select(m.ImportRun).where(m.ImportRun.id.in_(ids)))
    }
    out: list[dict[str, Any]] = []
    for import_id in sorted(ids):
        run = runs.get(import_id)
        out.append(
            {
                "import_id": import_id,
                "file": run.path if run else None,
                "format": run.format if run else None,
                "sha256": run.sha256 if run else None,
                "imported_at": iso(run.started_at) if run else None,
                "rows": rows_by_import[import_id],
            }
        )
    if None in rows_by_import:
        out.append({"import_id": None, "file": None, "rows": rows_by_import[None]})
    return out


def campaign_info(
    session: Session, campaign: m.Campaign, policy: Policy, aggregation: Aggregation
) -> dict[str, Any]:
    labels_by_annotator: dict[str, int] = dict(
        session.execute(
            sa.select(m.Judgment.annotator, sa.func.count(m.Judgment.id))
            .where(
                m.Judgment.campaign_id == campaign.id,
                m.Judgment.is_current.is_(True),
                m.Judgment.retracted.is_(False),
            )
            .group_by(m.Judgment.annotator)
        ).all()
    )
    tasks = session.scalar(
        sa.select(sa.func.count(m.Task.id)).where(m.Task.campaign_id == campaign.id)
    )
    adjudications = session.scalar(
        sa.select(sa.func.count(sa.distinct(m.Adjudication.task_id))).where(
            m.Adjudication.campaign_id == campaign.id
        )
    )
    verdicts: dict[str, int] = {}
    for outcome in aggregation.kept:
        verdicts[outcome.verdict] = verdicts.get(outcome.verdict, 0) + 1
    return {
        "id": campaign.id,
        "name": campaign.name,
        "status": campaign.status,
        "overlap": campaign.overlap,
        "criteria": list(campaign.criteria),
        "guideline_version": current_guideline(session, campaign.id).version,
        "tasks": int(tasks or 0),
        "annotators": len(set(annotators_of(session, campaign.id)) | set(labels_by_annotator)),
        "annotators_with_labels": len(labels_by_annotator),
        "labels": int(sum(labels_by_annotator.values())),
        "adjudicated_tasks": int(adjudications or 0),
        "policy": policy.as_dict(),
        "aggregation": {
            "kept": len(aggregation.kept),
            "verdicts": dict(sorted(verdicts.items())),
            "excluded": dict(sorted(aggregation.excluded.items())),
        },
    }


def counted(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))
