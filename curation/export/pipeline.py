"""Export from the store: which rows go in (and why the others do not), splits, files, manifest.

Two passes over one consistent snapshot of the workspace (one read transaction;
``REPEATABLE READ`` on PostgreSQL; worker processes reading SQLite see later commits
and leave out a record no longer cleared, see :mod:`~curation.export.parallel`):

1. **Plan** (:mod:`~curation.export.plan`). Records are read in batches ordered by id,
   with only their small columns (status, redaction state, source, stored split;
   metadata when ``where`` filters on it; a hash of the prompt when rows are built
   from a prompt) and their pairs. Every candidate row either gets a reason to be left
   out — counted — or is kept, and the kept records' group codes (record, dedup
   cluster, identical prompt) and row counts go into compact arrays.
   :func:`~curation.export.splits.assign_splits` then puts each group in train or
   validation.
2. **Rows** (:mod:`~curation.export.rows`). The kept records are read again in
   id-ordered chunks with their content and completions; each row is built, checked
   by the validator, and written to its split's temporary file; tokens are counted in
   a worker thread. A JSONL export of :data:`~curation.export.parallel.MIN_ROWS` rows
   or more builds its chunks in worker processes, one per core, started while the
   plan runs, and writes them here in the same order (:mod:`~curation.export.parallel`,
   which also says how the workers share the snapshot).

Memory is a few bytes per kept record (ids, group codes, splits) plus one chunk of
content, whatever the dataset's size. Every file — data and the manifest beside each —
is written to a temporary name first (:mod:`~curation.export.staging`), so any failure
before the files are complete leaves the previous files as they were. Then the export's
history row is written as pending, the files are renamed into place and the row is marked
done (:mod:`~curation.export.publish`): files never stand without their history row, and
a failure while placing them puts the previous files back.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from sqlalchemy.orm import Session

from curation import __version__
from curation.errors import CurationError, InputError
from curation.export import parallel
from curation.export import provenance as prov
from curation.export.formats import KTO_POLICY, TABLE_COLUMNS, Item, Skip, get_export_format
from curation.export.plan import (
    Context,
    Plan,
    Progress,
    group_codes,
    ints,
    make_context,
    pairs_between,
    plan_record,
    scan,
    scan_query,
)
from curation.export.publish import Pending, publish, recover_folders
from curation.export.rows import (
    RowPass,
    Stats,
    load_chunk,
    stripped_item,
    tally_split_tokens,
    write_rows,
)
from curation.export.sinks import FORMULA_RULE, Written, open_sink
from curation.export.spec import (
    ExportFile,
    ExportResult,
    ExportSpec,
    PreviewRow,
    manifest_path,
    output_paths,
    report_dict,
)
from curation.export.splits import CODE_BITS, PROMPT_TAG, SplitPlan, assign_splits
from curation.export.staging import Staging, sweep
from curation.export.targets import describe_target, read_back_files
from curation.ingest.report import ValidationReport
from curation.ingest.token_pipeline import TokenPipeline
from curation.ingest.tokens import Counter as TokenCounter
from curation.ingest.tokens import context_limit, counter_for_model
from curation.store import models as m
from curation.store.db import Workspace
from curation.wording import plural

MANIFEST_VERSION = 1


_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def workspace_output(ws: Workspace, dataset: str, format_name: str) -> Path:
    """Where the app writes an export: ``<workspace>/exports/<time>-<dataset>-<format>/``."""
    fmt = get_export_format(format_name)
    slug = _SLUG.sub("_", dataset).strip("._") or "dataset"
    stamp = m.utcnow().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        folder = f"{stamp}-{slug}-{fmt.name}" + (f"-{n}" if n else "")
        target = ws.path_in("exports", folder, f"{slug}{fmt.suffix}")
        if not target.parent.exists() or not any(target.parent.iterdir()):
            return target
    raise CurationError("could not find a free folder under exports/")


# --------------------------------------------------------------------------- the export


def _snapshot(session: Session) -> None:
    """One consistent view of the workspace for both passes."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    else:
        session.connection()


def _new_report(spec: ExportSpec, counter: TokenCounter) -> ValidationReport:
    return ValidationReport(
        model=spec.model,
        encoding=counter.encoding,
        encoding_note=counter.note,
        context_limit=context_limit(spec.model),
        price_per_million=spec.price_per_million,
    )


def export_dataset(
    ws: Workspace,
    spec: ExportSpec,
    out: str | Path,
    *,
    actor: str,
    progress: Progress | None = None,
    source_file: str | Path | None = None,
) -> ExportResult:
    """Write the training file(s), a manifest beside each, and record the export.

    ``source_file`` is set by :func:`export_file`: the workspace is a throwaway one, so the
    manifest names the file instead of an export id.

    Raises :class:`~curation.errors.CurationError` (nothing written, earlier files
    untouched) when no row would be written, when a split would be empty, or with
    ``strict`` when a row fails validation; and when the files cannot be put in place or
    the export cannot be recorded, saying what is on disk and in the history
    (:func:`~curation.export.publish.publish`).
    """
    started = time.perf_counter()
    out = Path(out).expanduser().absolute()
    if out.is_dir():
        raise InputError(f"{out} is a folder; -o names the file to write (e.g. {out}/data.jsonl)")
    _check_suffix(out, get_export_format(spec.format, trl_style=spec.trl_style))
    recovered, swept = _sweep_leftovers(ws, out)
    with ExitStack() as stack:
        staged = stack.enter_context(Staging())
        with ws.read() as session:
            _snapshot(session)
            ctx = make_context(session, spec)
            counter = counter_for_model(spec.model)
            workers = parallel.start_workers(ws, session, ctx, counter)
            if workers is not None:
                stack.enter_context(workers)
            plan = scan(session, ctx, progress)
            if not plan.record_ids:
                raise CurationError(_nothing_message(ctx, plan))
            split_plan = _split(plan, spec)
            paths = output_paths(out, spec.validation_split > 0)
            reports = {name: _new_report(spec, counter) for name in paths}
            stats = Stats()
            written = _write_files(
                stack,
                staged,
                ws,
                workers,
                session,
                ctx,
                plan,
                split_plan,
                paths,
                counter,
                reports,
                stats,
                progress,
            )
            read_back = read_back_files(ctx.fmt, staged, paths)
            left_out = plan.left_out + stats.left_out
            manifest = _manifest(
                session, ctx, plan, split_plan, stats, left_out, written, paths, reports, actor
            )
            describe_target(
                manifest["format"],
                ctx.fmt,
                spec.drop_reasoning,
                stats.reasoning_dropped,
                stats.text_lost,
                read_back,
                out,
                paths,
            )
        files = [
            ExportFile(name, paths[name], w.rows, w.bytes, w.sha256, manifest_path(paths[name]))
            for name, w in written.items()
        ]
        pending = Pending(
            dataset_id=ctx.dataset.id,
            dataset=ctx.dataset.name,
            format=ctx.fmt.name,
            campaign=ctx.campaign.name if ctx.campaign else None,
            actor=actor,
            files=files,
            manifest=manifest,
            left_out=dict(left_out),
            override_records=dict(stats.override_records),
            override_reason=spec.override_reason,
            source_file=None if source_file is None else str(source_file),
        )

        sidecar = ctx.fmt.sidecar(out, paths)

        def manifests(final: dict[str, Any]) -> dict[Path, bytes]:
            out_files = {
                f.manifest_path: orjson.dumps(
                    {**final, "file": _file_entry(f.split, paths[f.split], written[f.split])},
                    option=orjson.OPT_INDENT_2,
                )
                + b"\n"
                for f in files
            }
            if sidecar is not None:
                out_files[sidecar[0]] = sidecar[1]
            return out_files

        export_id = publish(ws, staged, pending, manifests)
    warnings = _warnings(ctx, left_out, stats, reports) + recovered
    if swept:
        warnings.append(
            f"removed {len(swept)} temporary file(s) an interrupted export left: "
            + ", ".join(str(p) for p in swept)
        )
    return ExportResult(
        export_id=export_id,
        format=ctx.fmt.name,
        files=files,
        candidates=plan.candidates,
        written=sum(stats.written.values()),
        left_out=dict(sorted(left_out.items())),
        reports=reports,
        manifest=manifest,
        warnings=warnings,
        seconds=time.perf_counter() - started,
    )


def _sweep_leftovers(ws: Workspace, out: Path) -> tuple[list[str], list[Path]]:
    """Settle exports killed while renaming their files (previous files put back), then
    remove the temporary files killed exports left beside the target; for the app's exports
    (each in its own folder under ``<workspace>/exports/``) in every folder there. What was
    settled (one line each) and the files removed."""
    folders = [out.parent]
    root = (ws.folder / "exports").resolve()
    if out.parent.resolve().parent == root:
        folders += sorted(p for p in root.iterdir() if p.is_dir() and p != out.parent.resolve())
    recovered = recover_folders(ws, folders)
    return recovered, [folder / name for folder in folders for name in sweep(folder)]


def _split(plan: Plan, spec: ExportSpec) -> SplitPlan:
    split_plan = assign_splits(
        group_codes(plan),
        ints(plan.rows),
        spec.validation_split,
        spec.seed,
        ints(plan.strata) if spec.stratify else None,
    )
    leaks = _clusters_across_splits(ints(plan.cluster_of), split_plan.split)
    if leaks:  # cannot happen by construction; refuse rather than write a leaking split
        raise CurationError(f"internal: {leaks} duplicate clusters would span both splits")
    return split_plan


def _write_files(
    stack: ExitStack,
    staged: Staging,
    ws: Workspace,
    workers: parallel.Workers | None,
    session: Session,
    ctx: Context,
    plan: Plan,
    split_plan: SplitPlan,
    paths: dict[str, Path],
    counter: TokenCounter,
    reports: dict[str, ValidationReport],
    stats: Stats,
    progress: Progress | None,
) -> dict[str, Written]:
    """Pass 2 into the staged files; what each file received (rows, bytes, sha256)."""
    sinks = {
        name: open_sink(ctx.fmt.container, staged.open(path), TABLE_COLUMNS)
        for name, path in paths.items()
    }
    for sink in sinks.values():
        stack.callback(sink.abort)  # runs before the staged files are discarded
    job = RowPass(
        ctx,
        ints(plan.record_ids),
        ints(plan.rows),
        split_plan.split,
        sinks,
        reports,
        stats,
        progress,
    )
    if not _write_in_workers(stack, ws, workers, session, job, counter):
        with TokenPipeline(counter, tally_split_tokens(reports), "export-tokens") as tokens:
            write_rows(session, job, tokens)
    written = {name: sink.finish() for name, sink in sinks.items()}
    _check_written(plan, stats, written)
    return written


def _write_in_workers(
    stack: ExitStack,
    ws: Workspace,
    workers: parallel.Workers | None,
    session: Session,
    job: RowPass,
    counter: TokenCounter,
) -> bool:
    """Pass 2 in worker processes when the export is large enough (with the workers started
    before the plan, or started now); False when it is left to this process (small, or the
    workers could not start or stopped before anything was written)."""
    wanted = parallel.wanted_workers(ws, job.ctx, job.total)
    if not wanted:
        if workers is not None:
            workers.close()
        return False
    try:
        if workers is None:
            workers = stack.enter_context(parallel.Workers(wanted, counter.encoding))
        parallel.write_rows_in_workers(workers, ws, session, job, counter)
    except parallel.WorkersUnavailable as exc:
        if workers is not None:
            workers.close(kill=True)
        job.stats.notes.append(f"rows built in this process: {exc}")
        return False
    return True


CONTAINER_SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def _check_suffix(out: Path, fmt: Any) -> None:
    """A .jsonl name holding Parquet bytes would fool the next tool: refuse a clear mismatch."""
    found = CONTAINER_SUFFIXES.get(out.suffix.lower())
    if found is not None and found != fmt.container:
        raise InputError(
            f"{out.name}: --format {fmt.name} writes {fmt.container.upper()}; "
            f"name the file {out.stem}{fmt.suffix}"
        )


def _clusters_across_splits(cluster_of: np.ndarray, split: np.ndarray) -> int:
    mask = cluster_of >= 0
    if not mask.any():
        return 0
    pairs = np.unique(np.stack([cluster_of[mask], split[mask].astype(np.int64)]), axis=1)
    _, counts = np.unique(pairs[0], return_counts=True)
    return int((counts > 1).sum())


def _check_written(plan: Plan, stats: Stats, written: dict[str, Written]) -> None:
    if sum(w.rows for w in written.values()) == 0:
        left = plan.left_out + stats.left_out
        raise CurationError(
            "nothing to export: every candidate row was left out ("
            + ", ".join(f"{k} {v:,}" for k, v in left.most_common())
            + "); nothing was written"
            + _hints(left)
        )
    for name, w in written.items():
        if w.rows == 0:
            raise CurationError(
                f"the {name} split would be empty ({sum(x.rows for x in written.values()):,} rows "
                "in all); lower or raise --validation-split; nothing was written"
            )


def _nothing_message(ctx: Context, plan: Plan) -> str:
    where = f"campaign {ctx.campaign.name!r}" if ctx.campaign else f"dataset {ctx.dataset.name!r}"
    if plan.candidates == 0:
        if ctx.pair_unit:
            return (
                f"{where} has no completion pairs: {ctx.fmt.name} needs records with two or "
                "more completions (or choose openai-chat)"
            )
        return f"{where} has no records to export"
    return (
        f"nothing to export from {where}: all {plan.candidates:,} candidate rows are left out ("
        + ", ".join(f"{k} {v:,}" for k, v in plan.left_out.most_common())
        + ")"
        + _hints(plan.left_out)
    )


def _hints(left: Counter[str]) -> str:
    hints = []
    if left["pii_not_scanned"] or left["pii_unreviewed"]:
        hints.append(
            "records must be scanned for PII and reviewed (redaction 'clean' or 'redacted'); "
            "a lead can override the PII gate (--allow-unreviewed-pii, or the override box on the Export page), which the manifest records"
        )
    if left["no_preference"]:
        hints.append("the pairs have no preference: export a labelled campaign with --campaign")
    if left["unlabelled"] or left["low_agreement"] or left["no_majority"]:
        hints.append("label more, or relax --min-agreement")
    if left["multi_turn_completion"]:
        hints.append("completions spanning several turns cannot be one assistant reply")
    return (": " + "; ".join(hints)) if hints else ""


def _warnings(
    ctx: Context,
    left_out: Counter[str],
    stats: Stats,
    reports: dict[str, ValidationReport],
) -> list[str]:
    out: list[str] = []
    refused = left_out["pii_not_scanned"] + left_out["pii_unreviewed"]
    if refused:
        out.append(
            f"{refused:,} rows refused by the PII gate (not scanned or findings not reviewed)"
        )
    if stats.override_records:
        out.append(
            f"PII override: {sum(stats.override_records.values()):,} records not cleared for PII "
            "were exported; the manifest records it"
        )
    if left_out["multi_turn_completion"]:
        out.append(
            f"{left_out['multi_turn_completion']:,} pairs left out: a completion spans several "
            "turns, and each output must hold exactly one assistant message"
        )
    if stats.text_lost:
        out.append(
            f"{stats.text_lost:,} assistant messages lost the text written beside their tool "
            f"calls: {ctx.fmt.name} holds only the calls in a function_call turn"
        )
    if left_out["undesirable_label"]:
        out.append(
            f"{left_out['undesirable_label']:,} rows left out: their completion is labelled "
            "undesirable (KTO label false) and is no SFT target"
        )
    if left_out["validation_error"]:
        codes = ", ".join(f"{k} {v:,}" for k, v in stats.validation_codes.most_common(5))
        out.append(
            f"{left_out['validation_error']:,} rows failed validation and were left out ({codes})"
        )
    if ctx.dedup_run is None:
        out.append(
            "no finished dedup run for this dataset: near-duplicates were not grouped across splits"
        )
    for name, report in reports.items():
        for notice in report.warnings:
            out.append(f"{name}: {notice.message}")
    out.extend(stats.notes)
    return out


def _file_entry(split: str, path: Path, w: Written) -> dict[str, Any]:
    return {"split": split, "name": path.name, "rows": w.rows, "bytes": w.bytes, "sha256": w.sha256}


def _manifest(
    session: Session,
    ctx: Context,
    plan: Plan,
    split_plan: SplitPlan,
    stats: Stats,
    left_out: Counter[str],
    written: dict[str, Written],
    paths: dict[str, Path],
    reports: dict[str, ValidationReport],
    actor: str,
) -> dict[str, Any]:
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
        "files": [_file_entry(name, paths[name], w) for name, w in written.items()],
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


# --------------------------------------------------------------------------- preview & history


def preview_export(
    ws: Workspace, spec: ExportSpec, n: int = 5, *, max_records: int = 50_000
) -> list[PreviewRow]:
    """The first ``n`` rows the export would write (and the left-out ones met on the way)."""
    out: list[PreviewRow] = []
    with ws.read() as session:
        ctx = make_context(session, spec)
        base = scan_query(ctx)
        last = seen = 0
        while seen < max_records and sum(1 for p in out if p.row is not None) < n:
            batch = (
                session.connection()
                .execute(base.where(m.Record.id > last).order_by(m.Record.id).limit(500))
                .all()
            )
            if not batch:
                break
            last, seen = batch[-1][0], seen + len(batch)
            pairs = pairs_between(session, ctx, batch[0][0], last) if ctx.needs_pairs else {}
            plan = Plan()
            for row in batch:
                plan_record(ctx, plan, row, pairs.get(row[0], []))
            ids = ints(plan.record_ids)
            if not ids.size:
                continue
            for _content, items in load_chunk(session, ctx, ids):
                for item in items:
                    out.append(_preview_row(ctx, item))
                    if sum(1 for p in out if p.row is not None) >= n:
                        return out
    return out


def _preview_row(ctx: Context, item: Item) -> PreviewRow:
    item = stripped_item(ctx, item)
    try:
        row = ctx.fmt.row(item)
    except Skip as skip:
        return PreviewRow(item.record_id, item.pair_id, None, skip.reason, skip.detail)
    issues = ctx.fmt.check(row, item)
    if issues:
        detail = "; ".join(f"[{x.code}] {x.message}" for x in issues[:3])
        return PreviewRow(item.record_id, item.pair_id, None, "validation_error", detail)
    return PreviewRow(item.record_id, item.pair_id, row)


# --------------------------------------------------------------------------- file to file


FILE_MODE_REASON = "file-to-file export: a file carries no PII review state"


def export_file(
    source: str | Path,
    spec: ExportSpec,
    out: str | Path,
    *,
    actor: str,
    source_format: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Convert a file in any import format to an export format, with the same checks, split
    and manifest as a workspace export, for pipelines that have no workspace.

    The file goes through a throwaway workspace. A file has no PII review state, so the
    PII gate cannot apply: the manifest records it as an override with that reason
    (redact the file first with ``curation redact``); there is no dedup run either.
    """
    import shutil
    import tempfile

    from curation.ingest.importer import import_file
    from curation.store.db import open_workspace

    if spec.campaign:
        raise InputError("--campaign needs a workspace; a file's own preferences are used")
    folder = Path(tempfile.mkdtemp(prefix="curation-export-"))
    try:
        ws = open_workspace(folder)
        try:
            name = Path(source).name
            imported = import_file(ws, source, name, format=source_format, actor=actor)
            if imported.imported == 0:
                raise InputError(
                    f"{source}: no usable record ({imported.rejected:,} rejected); "
                    "see `curation import` for the reasons"
                )
            file_spec = replace(
                spec,
                dataset=name,
                allow_unreviewed_pii=True,
                override_reason=spec.override_reason or FILE_MODE_REASON,
            )
            result = export_dataset(
                ws, file_spec, out, actor=actor, progress=progress, source_file=source
            )
        finally:
            ws.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result.export_id = None
    result.source_rejected = imported.rejected
    if imported.rejected:
        result.warnings.insert(
            0,
            f"{plural(imported.rejected, 'item')} of {Path(source).name} could not be read "
            f"and {'is' if imported.rejected == 1 else 'are'} not in the export",
        )
    return result
