"""What the manifest says about where the rows came from: imports, PII runs, dedup run, campaign.

Duplicate clusters come from the dedup stage itself (:func:`curation.dedup.latest_clusters`
and :func:`curation.dedup.latest_run`: the latest finished run, at that run's threshold).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.labeling.aggregate import Aggregation, Policy
from curation.labeling.campaigns import annotators_of, current_guideline
from curation.store import labeling_models as lm
from curation.store import models as m

CLUSTERS_FROM = "curation.dedup.latest_clusters"


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


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
    session: Session, campaign: lm.Campaign, policy: Policy, aggregation: Aggregation
) -> dict[str, Any]:
    labels_by_annotator: dict[str, int] = dict(
        session.execute(
            sa.select(lm.Judgment.annotator, sa.func.count(lm.Judgment.id))
            .where(
                lm.Judgment.campaign_id == campaign.id,
                lm.Judgment.is_current.is_(True),
                lm.Judgment.retracted.is_(False),
            )
            .group_by(lm.Judgment.annotator)
        ).all()
    )
    tasks = session.scalar(
        sa.select(sa.func.count(lm.Task.id)).where(lm.Task.campaign_id == campaign.id)
    )
    adjudications = session.scalar(
        sa.select(sa.func.count(sa.distinct(lm.Adjudication.task_id))).where(
            lm.Adjudication.campaign_id == campaign.id
        )
    )
    verdicts: dict[str, int] = {}
    for outcome in aggregation.kept:
        verdicts[outcome.verdict] = verdicts.get(outcome.verdict, 0) + 1
    info: dict[str, Any] = {
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
    if campaign.kind == "ranking":
        from curation.labeling.ranking import settings_of
        from curation.labeling.ranking_aggregate import BT_POLICY, EXPANSION_POLICY

        info["kind"] = "ranking"
        info["ranking"] = {
            "settings": settings_of(campaign).as_dict(),
            "expansion": EXPANSION_POLICY,
            "scores": BT_POLICY,
        }
    return info
