"""What each job kind does: the same library call a CLI command or a page makes.

A kind takes the job's JSON parameters and a :data:`~curation.progress.Progress` and
returns a JSON summary (stored on the job row as is; readers take it typed through
:attr:`~curation.jobs.model.JobInfo.outcome`). Each stage keeps its own transactions (an import is one per
file, a dedup run writes its result in one at the end, an export publishes its files
with its history row), so a job stopped at any point leaves nothing half-written.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curation.errors import CurationError, InputError
from curation.jobs.params import JobContext, need, spec_of
from curation.jobs.shards import RUNNERS as SHARD_RUNNERS
from curation.jobs.shards import input_size as shard_input_size
from curation.store.db import Workspace

LEAKS_KEPT = 1000


def _mapping(columns: str | dict[str, str | None] | None) -> Any:
    """The column mapping: ``prompt=q,response=a`` from the CLI, a dict from the Import page
    (column names may hold commas)."""
    from curation.ingest.formats import ColumnMapping

    if not columns:
        return None
    return ColumnMapping(**columns) if isinstance(columns, dict) else ColumnMapping.parse(columns)


def run_import(ctx: JobContext) -> dict[str, Any]:
    from curation.ingest.importer import import_file

    path = Path(need(ctx.params, "path"))
    columns = ctx.params.get("columns")
    result = import_file(
        ctx.ws,
        path,
        need(ctx.params, "dataset"),
        format=ctx.params.get("format"),
        mapping=_mapping(columns),
        actor=ctx.actor,
        display_name=ctx.params.get("display_name"),
        progress=ctx.progress,
    )
    summary = result.as_dict()
    summary["errors"] = summary["errors"][:50]
    summary["summary"] = result.summary()
    summary["import_id"] = result.import_id
    if result.exit_code == 1:
        first = f": {result.errors[0]}" if result.errors else ""
        raise InputError(f"none of the {result.items:,} items of {path.name} is usable{first}")
    return summary


def _dedup_settings(params: dict[str, Any]) -> Any:
    from curation.dedup.runs import job_settings

    return job_settings(params)


def run_dedup(ctx: JobContext) -> dict[str, Any]:
    from curation.dedup import rethreshold, run_dedup

    apply = not ctx.params.get("review")
    if ctx.params.get("run_id") is not None:
        summary = rethreshold(
            ctx.ws,
            int(ctx.params["run_id"]),
            float(need(ctx.params, "threshold")),
            actor=ctx.actor,
            apply=apply,
        )
    else:
        summary = run_dedup(
            ctx.ws,
            need(ctx.params, "dataset"),
            _dedup_settings(ctx.params),
            actor=ctx.actor,
            apply=apply,
            progress=ctx.progress,
        )
    out = summary.as_dict()
    out["summary"] = summary.summary()
    return out


def run_leakage(ctx: JobContext) -> dict[str, Any]:
    from curation.dedup import dataset_leakage

    leaks = dataset_leakage(
        ctx.ws,
        need(ctx.params, "train_dataset"),
        need(ctx.params, "valid_dataset"),
        _dedup_settings(ctx.params),
        progress=ctx.progress,
    )
    return {
        "count": len(leaks),
        "leaks": [x.as_dict() for x in leaks[:LEAKS_KEPT]],
        "summary": f"{len(leaks):,} validation records have a near-duplicate in train",
    }


def run_export(ctx: JobContext) -> dict[str, Any]:
    from curation.export.pipeline import export_dataset

    spec = spec_of(need(ctx.params, "spec"))
    result = export_dataset(
        ctx.ws, spec, need(ctx.params, "output"), actor=ctx.actor, progress=ctx.progress
    )
    out = result.as_dict()
    out["summary"] = (
        f"exported {result.written:,} of {result.candidates:,} candidate rows as {result.format}"
        f" (export #{result.export_id})"
    )
    return out


def run_pii_scan(ctx: JobContext) -> dict[str, Any]:
    from curation.pii.scan import ScanOptions, scan_dataset

    options = ScanOptions(
        entities=ctx.params.get("entities"),
        threshold=ctx.params.get("threshold"),
        only_unscanned=bool(ctx.params.get("only_unscanned")),
        workers=ctx.params.get("workers"),
    )
    result = scan_dataset(
        ctx.ws,
        need(ctx.params, "dataset"),
        actor=ctx.actor,
        options=options,
        progress=ctx.progress,
    )
    out = result.as_dict()
    out["summary"] = result.summary()
    return out


def run_pii_apply(ctx: JobContext) -> dict[str, Any]:
    """Apply redaction to a dataset, as the PII page's Apply button does; with ``scan`` (scan
    options) and ``accept_all`` first, as ``curation redact --dataset`` does."""
    from curation.pii.apply import apply_redaction
    from curation.pii.review import decide, pending_finding_ids
    from curation.pii.scan import ScanOptions, scan_dataset
    from curation.pii.settings import load_settings
    from curation.pii.status import pii_status

    dataset = need(ctx.params, "dataset")
    out: dict[str, Any] = {}
    said: list[str] = []
    scan = ctx.params.get("scan")
    if isinstance(scan, dict):
        scanned = scan_dataset(
            ctx.ws, dataset, actor=ctx.actor, options=ScanOptions(**scan), progress=ctx.progress
        )
        out["scan"] = scanned.as_dict()
        said.append(scanned.summary())
    if ctx.params.get("accept_all"):
        with ctx.ws.tx() as s:
            ids = pending_finding_ids(s, dataset)
            if ids:
                decided = decide(s, ids, "accepted", actor=ctx.actor)
                out["accepted"] = decided.findings
                said.append(decided.summary())
    if ctx.params.get("apply", True):
        with ctx.ws.read() as s:
            spec = load_settings(s).operator_with(
                ctx.params.get("operator"),
                realistic=ctx.params.get("realistic"),
                scope=ctx.params.get("scope"),
            )
        applied = apply_redaction(
            ctx.ws,
            dataset,
            actor=ctx.actor,
            operator=spec,
            reapply=bool(ctx.params.get("reapply")),
            progress=ctx.progress,
        )
        out["apply"] = applied.as_dict()
        said.append(applied.summary())
    with ctx.ws.read() as s:
        out["status"] = pii_status(s, dataset).as_dict()
    out["summary"] = " ".join(said) or "nothing to do"
    return out


def judge_params(
    ws: Workspace, campaign_id: int, settings: Any, base_url: str | None
) -> tuple[dict[str, Any], str]:
    """A judge job's parameters from :class:`~curation.finetune.judge.JudgeSettings`, and the
    name of the campaign's dataset (the job's dataset).

    No key is stored: the job reads ``OPENAI_API_KEY`` where it runs. A base URL holding
    a password or a key is refused, since job parameters are shown to every lead.
    """
    from curation.labeling.campaigns import require_campaign
    from curation.store import models as m
    from curation.store.failures import mask_url

    if base_url and mask_url(base_url) != base_url:
        raise InputError(
            "a base URL holding a password or key cannot be kept in a background job: "
            "set OPENAI_BASE_URL where the job runner runs instead"
        )
    with ws.read() as s:
        campaign = require_campaign(s, campaign_id)
        dataset = s.get_one(m.Dataset, campaign.dataset_id).name
        params = {
            "campaign": campaign.name,
            "model": settings.model,
            "base_url": base_url or None,
            "workers": settings.workers,
            "limit": settings.limit,
            "redo": settings.redo,
            "allow_unreviewed_pii": settings.allow_unreviewed_pii,
        }
    return params, dataset


def run_judge(ctx: JobContext) -> dict[str, Any]:
    """Ask an AI judge about a campaign's pairs. The API key comes from the runner's
    environment (``OPENAI_API_KEY``), never from the job's parameters."""
    from curation.finetune.jobs import make_client, resolve_credentials
    from curation.finetune.judge import JudgeSettings, judge_campaign
    from curation.labeling.campaigns import get_campaign

    with ctx.ws.read() as s:
        campaign_id = get_campaign(s, need(ctx.params, "campaign")).id
    credentials = resolve_credentials(None, base_url=ctx.params.get("base_url"))
    settings = JudgeSettings(
        model=need(ctx.params, "model"),
        workers=int(ctx.params.get("workers") or 4),
        limit=ctx.params.get("limit"),
        redo=bool(ctx.params.get("redo")),
        allow_unreviewed_pii=bool(ctx.params.get("allow_unreviewed_pii")),
    )
    run = judge_campaign(
        ctx.ws,
        campaign_id,
        make_client(credentials),
        settings,
        actor=ctx.actor,
        credentials=credentials,
        progress=ctx.progress,
    )
    out = run.as_dict()
    out["errors"] = out["errors"][:50]
    out["summary"] = run.summary()
    return out


def run_sleep(ctx: JobContext) -> dict[str, Any]:
    """A diagnostic: wait ``seconds`` in ``steps`` (reporting progress unless ``silent``).

    It shows that a runner takes jobs; tests use it for cancellation (``silent`` never
    reaches a cancellation point, so the runner must stop its process) and for the
    concurrency limit.
    """
    mark = ctx.params.get("mark")
    if mark:  # a file the run appends "job-id pid" to: shows how often, and where, a job ran
        with Path(mark).open("a", encoding="utf-8") as fh:
            fh.write(f"{ctx.job_id} {os.getpid()}\n")
    seconds = float(ctx.params.get("seconds", 1.0))
    steps = max(int(ctx.params.get("steps", 10)), 1)
    silent = bool(ctx.params.get("silent"))
    for i in range(steps):
        if not silent:
            ctx.progress("sleep", i, steps)
        time.sleep(seconds / steps)
    if ctx.params.get("fail"):
        raise CurationError(str(ctx.params["fail"]))
    if not silent:
        ctx.progress("sleep", steps, steps)
    return {"summary": f"slept {seconds:g} s", "seconds": seconds}


def input_size(ws: Workspace, kind: str, params: dict[str, Any]) -> tuple[int | None, int | None]:
    """What a job will read, as (records, bytes) (None: not known), for the runner to decide
    whether to start Ray for it: an import's file size; the records of a scanned or
    exported or deduplicated dataset (a PII scan reads about six texts a record); the
    train and validation records of a leakage check; a sharded corpus's files."""
    if kind in SHARD_RUNNERS:
        return shard_input_size(kind, params)
    if kind == "import":
        try:
            return None, Path(str(params.get("path"))).stat().st_size
        except OSError:
            return None, None
    if kind == "dedup" and params.get("run_id") is not None:
        return None, None  # a re-threshold: the stored pairs, no embedding nor search
    datasets: list[Any] = [params.get("dataset")]
    if kind == "export":
        datasets = [(params.get("spec") or {}).get("dataset")]
    elif kind == "leakage":
        datasets = [params.get("train_dataset"), params.get("valid_dataset")]
    if kind not in ("export", "pii-scan", "dedup", "leakage") or not all(datasets):
        return None, None
    import sqlalchemy as sa

    from curation.store import models as m

    statuses = ("active", "duplicate") if kind == "dedup" else ("active",)  # what each reads
    query = (
        sa.select(sa.func.count(m.Record.id))
        .join(m.Dataset, m.Dataset.id == m.Record.dataset_id)
        .where(m.Dataset.name.in_(datasets), m.Record.status.in_(statuses))
    )
    with ws.read() as session:
        records = int(session.execute(query).scalar_one())
    return (records * 6 if kind == "pii-scan" else records), None


RUNNERS: dict[str, Callable[[JobContext], dict[str, Any]]] = {
    "import": run_import,
    "dedup": run_dedup,
    "export": run_export,
    "pii-scan": run_pii_scan,
    "pii-apply": run_pii_apply,
    "judge": run_judge,
    "leakage": run_leakage,
    "sleep": run_sleep,
    **SHARD_RUNNERS,
}
