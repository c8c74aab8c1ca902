"""The manifest written beside every exported file: what went in, what was left out and why,
the split, the preferences' origin, the PII gate and its override, the dedup run, the sources,
and the validation summary of each file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from curation import __version__
from curation.export import provenance as prov
from curation.export.formats import KTO_POLICY
from curation.export.plan import Context, Plan, ints
from curation.export.rows import Stats
from curation.export.sinks import FORMULA_RULE, Written
from curation.export.spec import report_dict
from curation.export.splits import CODE_BITS, PROMPT_TAG, SplitPlan
from curation.ingest.validate import ValidationReport
from curation.store import models as m

MANIFEST_VERSION = 1


def file_entry(split: str, path: Path, w: Written) -> dict[str, Any]:
    return {"split": split, "name": path.name, "rows": w.rows, "bytes": w.bytes, "sha256": w.sha256}


@dataclass(frozen=True, slots=True)
class PassResults:
    """What the two passes found and wrote, as the manifest reports it."""

    ctx: Context
    plan: Plan
    split_plan: SplitPlan
    stats: Stats
    left_out: Counter[str]
    written: dict[str, Written]
    paths: dict[str, Path]
    reports: dict[str, ValidationReport]


def build_manifest(session: Session, done: PassResults, actor: str) -> dict[str, Any]:
    """The manifest written beside each file (its ``file`` entry and ``export_id`` are set
    when the files are published)."""
    ctx, plan, split_plan, stats = done.ctx, done.plan, done.split_plan, done.stats
    left_out, written, paths, reports = done.left_out, done.written, done.paths, done.reports
    spec = ctx.spec
    cluster_of = ints(plan.cluster_of)
    exported_clusters = int(np.unique(cluster_of[cluster_of >= 0]).size)
    group_by = ["record"]
    if ctx.clusters:
        group_by.append("dedup_cluster")
    if bool((ints(plan.codes) >> CODE_BITS == PROMPT_TAG >> CODE_BITS).any()):
        group_by.append("identical_prompt")  # rows built from a prompt plus a completion
    if ctx.campaign is not None:
        assert ctx.aggregation is not None
        preferences: dict[str, Any] = {
            "source": "campaign",
            "campaign": prov.campaign_info(session, ctx.campaign, spec.policy, ctx.aggregation),
        }
    elif ctx.fmt.unit == "ranking":
        from curation.labeling.ranking_aggregate import ranking_provenance

        preferences = {
            "source": "ranking_campaigns",
            "ranked_lists_from_ranking_campaigns": ranking_provenance(session, ctx.dataset.id),
        }
    elif ctx.needs_pairs:
        preferences = {
            "source": "imported",
            "note": "the source files' own preferences (chosen/rejected, rankings)",
        }
    else:
        preferences = {"source": None}
    if ctx.fmt.unit == "kto":
        preferences["unpaired"] = {"policy": KTO_POLICY}
        from curation.labeling.thumbs import thumbs_provenance

        thumbs = thumbs_provenance(session, ctx.dataset.id)
        if thumbs:  # completion labels written by thumbs campaigns (they read as the source's)
            preferences["unpaired"]["labels_from_thumbs_campaigns"] = thumbs
    override = sum(stats.override_records.values())
    fmt_info: dict[str, Any] = {
        "name": ctx.fmt.name,
        "label": ctx.fmt.label,
        "unit": ctx.fmt.unit,
        "container": ctx.fmt.container,
    }
    if ctx.fmt.container in ("csv", "parquet"):
        fmt_info["formula_escape"] = {
            "rule": FORMULA_RULE,
            "cells": sum(w.escaped_cells for w in written.values()),
            "by_split": {name: w.escaped_cells for name, w in written.items()},
        }
    return {
        "manifest_version": MANIFEST_VERSION,
        "tool": {"name": "curation-studio", "version": __version__},
        "created_at": prov.iso(m.utcnow()),
        "actor": actor,
        "export_id": None,
        "mode": "workspace",
        "format": fmt_info,
        "dataset": {"id": ctx.dataset.id, "name": ctx.dataset.name},
        "files": [file_entry(name, paths[name], w) for name, w in written.items()],
        "counts": {
            "candidates": plan.candidates,
            "written": sum(w.rows for w in written.values()),
            "by_split": {name: w.rows for name, w in written.items()},
            "left_out": dict(sorted(left_out.items())),
            "validation_errors": dict(sorted(stats.validation_codes.items())),
            "rows_by_origin": dict(sorted(stats.origins.items())),
            "records_without_pairs": plan.records_without_pairs,
        },
        "left_out_samples": stats.samples,
        "filters": spec.filters(),
        "split": {
            "validation_ratio": spec.validation_split,
            "seed": spec.seed,
            "stratify": spec.stratify,
            "group_by": group_by,
            "groups": split_plan.groups,
            "validation_groups": split_plan.validation_groups,
            "target_validation_rows": split_plan.target,
            "dedup_clusters_exported": exported_clusters,
            "dedup_clusters_across_splits": 0,
            "method": "groups ordered by a seeded splitmix64 hash of their code; a group joins "
            "validation while it fits under round(ratio x rows) (per stratum)",
        },
        "preferences": preferences,
        "pii": {
            "gate": "only records whose redaction is 'clean' or 'redacted' pass",
            "runs": prov.pii_runs(session, ctx.dataset.id),
            "refused_rows": {
                k: left_out[k] for k in ("pii_not_scanned", "pii_unreviewed") if left_out[k]
            },
            "records_with_redacted_content": stats.redacted_records,
            "override": (
                {
                    "by": actor,
                    "reason": spec.override_reason,
                    "records": override,
                    "rows": stats.override_rows,
                    "by_state": dict(sorted(stats.override_records.items())),
                }
                if spec.allow_unreviewed_pii
                else None
            ),
        },
        "dedup": {
            "run": prov.dedup_run_info(ctx.dedup_run),
            "clusters_from": prov.CLUSTERS_FROM,
            "clustered_records_in_dataset": len(ctx.clusters),
            "note": None
            if ctx.dedup_run is not None
            else "no finished dedup run: near-duplicates were not grouped",
        },
        "sources": prov.import_sources(session, dict(stats.rows_by_import)),
        "validation": {name: report_dict(r) for name, r in reports.items()},
    }
