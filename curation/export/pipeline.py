"""Export from the store: which rows go in (and why the others do not), splits, files, manifest.

Two passes over one consistent snapshot of the workspace (one read transaction;
``REPEATABLE READ`` on PostgreSQL; engine workers reading SQLite see later commits
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
   a worker thread. A big JSONL export builds its chunks on the engine (Ray actors,
   one per core, :mod:`curation.engine` decides) and writes them here in the same order
   (:mod:`~curation.export.parallel`, which also says how the workers share the snapshot).

Memory is a few bytes per kept record (ids, group codes, splits) plus one chunk of
content, whatever the dataset's size. Every file — data and the manifest beside each —
is written to a temporary name first (:mod:`~curation.export.staging`), so any failure
before the files are complete leaves the previous files as they were. Then the export's
history row is written as pending, the files are renamed into place and the row is marked
done (:mod:`~curation.export.publish`): files never stand without their history row, and
a failure while placing them puts the previous files back.

Beside this module: :mod:`~curation.export.manifest` (what the manifest says),
:mod:`~curation.export.outcome` (the errors and warnings a user reads),
:mod:`~curation.export.preview` (the first rows, before exporting) and
:mod:`~curation.export.filemode` (a file to a file, without a workspace).
"""

from __future__ import annotations

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from sqlalchemy.orm import Session

from curation.errors import CurationError, InternalError
from curation.export import parallel
from curation.export.formats import TABLE_COLUMNS, ExportFormat
from curation.export.manifest import PassResults, build_manifest, file_entry
from curation.export.outcome import check_written, nothing_to_export, warnings_of
from curation.export.plan import Context, Plan, group_codes, ints, make_context, scan
from curation.export.publish import Pending, publish, recover_folders
from curation.export.registry import get_export_format
from curation.export.rows import RowPass, Stats, tally_split_tokens, write_rows
from curation.export.sinks import Written, open_sink
from curation.export.spec import (
    ExportFile,
    ExportResult,
    ExportSpec,
    SettingError,
    manifest_path,
    output_paths,
)
from curation.export.splits import SplitPlan, assign_splits
from curation.export.staging import Staging, sweep
from curation.export.targets import describe_target, read_back_files
from curation.ingest.report import ValidationReport
from curation.ingest.token_pipeline import TokenPipeline
from curation.ingest.tokens import Counter as TokenCounter
from curation.ingest.tokens import context_limit, counter_for_model
from curation.progress import Progress
from curation.store import models as m
from curation.store.db import Workspace

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
    spec.check_export()
    out = Path(out).expanduser().absolute()
    if out.is_dir():
        raise SettingError(
            f"{out} is a folder; name the file to write (e.g. {out}/data.jsonl)", "output"
        )
    _check_suffix(out, get_export_format(spec.format, trl_style=spec.trl_style))
    recovered, swept = _sweep_leftovers(ws, out)
    with ExitStack() as stack:
        staged = stack.enter_context(Staging())
        with ws.read() as session:
            _snapshot(session)
            ctx = make_context(session, spec)
            counter = counter_for_model(spec.model)
            plan = scan(session, ctx, progress)
            if not plan.record_ids:
                raise nothing_to_export(ctx, plan)
            paths = output_paths(out, spec.validation_split > 0)
            run = _Run(
                ws=ws,
                session=session,
                ctx=ctx,
                plan=plan,
                split_plan=_split(plan, spec),
                paths=paths,
                counter=counter,
                reports={name: _new_report(spec, counter) for name in paths},
                progress=progress,
            )
            written = _write_files(stack, staged, run)
            read_back = read_back_files(ctx.fmt, staged, paths)
            left_out = plan.left_out + run.stats.left_out
            manifest = build_manifest(
                session,
                PassResults(
                    ctx, plan, run.split_plan, run.stats, left_out, written, paths, run.reports
                ),
                actor,
            )
            describe_target(
                manifest["format"],
                ctx.fmt,
                spec.drop_reasoning,
                run.stats.reasoning_dropped,
                run.stats.text_lost,
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
            override_records=dict(run.stats.override_records),
            override_reason=spec.override_reason,
            source_file=None if source_file is None else str(source_file),
        )
        export_id = publish(ws, staged, pending, _manifests(ctx.fmt, out, paths, files, written))
    warnings = warnings_of(ctx, left_out, run.stats, run.reports) + recovered
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
        written=sum(run.stats.written.values()),
        left_out=dict(sorted(left_out.items())),
        reports=run.reports,
        manifest=manifest,
        warnings=warnings,
        seconds=time.perf_counter() - started,
    )


def _manifests(
    fmt: ExportFormat,
    out: Path,
    paths: dict[str, Path],
    files: list[ExportFile],
    written: dict[str, Written],
) -> Any:
    """The manifests' bytes (and the trainer's config file, if the target has one), made from
    the final manifest once the export id is known."""
    sidecar = fmt.sidecar(out, paths)

    def manifests(final: dict[str, Any]) -> dict[Path, bytes]:
        out_files = {
            f.manifest_path: orjson.dumps(
                {**final, "file": file_entry(f.split, paths[f.split], written[f.split])},
                option=orjson.OPT_INDENT_2,
            )
            + b"\n"
            for f in files
        }
        if sidecar is not None:
            out_files[sidecar[0]] = sidecar[1]
        return out_files

    return manifests


@dataclass(slots=True)
class _Run:
    """One export's state between the plan and the files: what pass 2 reads and fills."""

    ws: Workspace
    session: Session
    ctx: Context
    plan: Plan
    split_plan: SplitPlan
    paths: dict[str, Path]
    counter: TokenCounter
    reports: dict[str, ValidationReport]
    progress: Progress | None
    stats: Stats = field(default_factory=Stats)


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
        raise InternalError(f"{leaks} duplicate clusters would span both splits")
    return split_plan


def _write_files(stack: ExitStack, staged: Staging, run: _Run) -> dict[str, Written]:
    """Pass 2 into the staged files; what each file received (rows, bytes, sha256)."""
    sinks = {
        name: open_sink(run.ctx.fmt.container, staged.open(path), TABLE_COLUMNS)
        for name, path in run.paths.items()
    }
    for sink in sinks.values():
        stack.callback(sink.abort)  # runs before the staged files are discarded
    job = RowPass(
        run.ctx,
        ints(run.plan.record_ids),
        ints(run.plan.rows),
        run.split_plan.split,
        sinks,
        run.reports,
        run.stats,
        run.progress,
    )
    engine = parallel.engine_for(run.ws, run.ctx, job.total)
    if engine.ray:
        parallel.write_rows_in_workers(engine, run.ws, run.session, job, run.counter)
    else:
        with TokenPipeline(run.counter, tally_split_tokens(run.reports), "export-tokens") as tokens:
            write_rows(run.session, job, tokens)
    written = {name: sink.finish() for name, sink in sinks.items()}
    check_written(run.plan, run.stats, written)
    return written


CONTAINER_SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def _check_suffix(out: Path, fmt: ExportFormat) -> None:
    """A .jsonl name holding Parquet bytes would fool the next tool: refuse a clear mismatch."""
    found = CONTAINER_SUFFIXES.get(out.suffix.lower())
    if found is not None and found != fmt.container:
        raise SettingError(
            f"{out.name}: format {fmt.name} writes {fmt.container.upper()}; "
            f"name the file {out.stem}{fmt.suffix}",
            "format",
            "output",
        )


def _clusters_across_splits(cluster_of: np.ndarray, split: np.ndarray) -> int:
    mask = cluster_of >= 0
    if not mask.any():
        return 0
    pairs = np.unique(np.stack([cluster_of[mask], split[mask].astype(np.int64)]), axis=1)
    _, counts = np.unique(pairs[0], return_counts=True)
    return int((counts > 1).sum())
