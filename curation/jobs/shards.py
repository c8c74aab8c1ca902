"""Sharded file-to-file commands as jobs: ``curation validate|redact|dedup|export`` over a
folder or glob of shards (:mod:`curation.fileio.shards`) with ``--background``.

The command stores its options as the job's parameters (``*_params`` below: paths made
absolute, as the runner's working folder is not the user's) and the job calls the same
sharded driver the foreground command calls, with the same options, so it writes the
same output shards and manifest. Its progress counts shards: ``done`` of ``total``
shards, ``stage`` naming the step and the shard just finished (dedup counts the shards
read, then its stages over the whole corpus, then the shards written). Its result is the
driver's JSON, its first :data:`ERRORS_KEPT` errors or rejected lines kept, its ``summary``
ending with the manifest's path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curation import exitcodes
from curation.errors import InputError
from curation.fileio.shards import ShardSet, is_sharded, resolve_shards
from curation.progress import Progress

if TYPE_CHECKING:
    from curation.dedup.settings import Settings
    from curation.export.spec import ExportSpec
    from curation.jobs.params import JobContext
    from curation.pii.file_options import RedactChoices

ERRORS_KEPT = 50


def absolute(given: str | Path) -> str:
    """A path or glob as the runner must see it: absolute, ``~`` expanded."""
    return os.path.abspath(os.path.expanduser(str(given)))


def check_present(given: str | Path) -> None:
    """A background job's input that is not there is named so (a mistyped folder), not
    refused as a single file; a pattern matching nothing is :func:`resolve_shards`'s to say."""
    if not is_sharded(given) and not Path(given).expanduser().exists():
        raise InputError(f"{given}: no such file or folder")


def sharded_input(given: str | Path) -> dict[str, Any]:
    """The input of a sharded job, checked now (a missing folder or an empty glob fails
    here, not in the runner) and absolute; and the Ray cluster asked for, if any
    (``--ray-address``, ``CURATION_RAY_ADDRESS``), which the job attaches to."""
    from curation.engine.choice import configured_address

    check_present(given)
    shards = resolve_shards(absolute(given))
    if not shards.sharded:
        raise InputError(
            f"{given}: a background job in file mode takes a folder or a glob of shards; "
            "run a single file in the foreground"
        )
    return {"input": shards.given, "ray_address": configured_address()}


def _attach(ctx: JobContext) -> ShardSet:
    """The job's shards; the cluster its command named becomes this process's engine."""
    from curation.engine.settings import ADDRESS_ENV
    from curation.jobs.params import need

    if ctx.params.get("ray_address"):
        os.environ[ADDRESS_ENV] = str(ctx.params["ray_address"])
    return resolve_shards(need(ctx.params, "input"))


def validate_params(
    given: str | Path, model: str, price_per_million: float | None
) -> dict[str, Any]:
    return {**sharded_input(given), "model": model, "price_per_million": price_per_million}


def redact_params(given: str | Path, output: str | Path, choices: RedactChoices) -> dict[str, Any]:
    return {**sharded_input(given), "output": absolute(output), **choices.as_params()}


def dedup_params(
    given: str | Path,
    output: str | Path,
    settings: Settings,
    fmt: str | None,
    clusters: str | Path | None,
) -> dict[str, Any]:
    from curation.dedup.runs import job_params

    params = job_params(settings, dataset=None)
    del params["dataset"], params["run_id"], params["review"]
    return {
        **sharded_input(given),
        "output": absolute(output),
        "format": fmt,
        "clusters": absolute(clusters) if clusters is not None else None,
        **params,
    }


def export_params(
    given: str | Path, output: str | Path, spec: ExportSpec, source_format: str | None
) -> dict[str, Any]:
    from curation.jobs.params import export_spec_params

    return {
        **sharded_input(given),
        "output": absolute(output),
        "spec": export_spec_params(spec),
        "source_format": source_format,
    }


def per_shard(progress: Progress, shards: ShardSet, *stages: str) -> Progress:
    """``progress`` with each count of ``stages`` (counted in shards) naming the shard just
    finished: the drivers finish shards in order."""
    n = len(shards.shards)

    def report(stage: str, done: int, total: int | None) -> None:
        if stage in stages and total == n and 0 < done <= n:
            stage = f"{stage}: {shards.shards[done - 1].name}"
        progress(stage, done, total)

    return report


def _finish(
    out: dict[str, Any],
    summary: str,
    manifest: str | None,
    code: int,
    errors: Iterable[str] = (),
) -> dict[str, Any]:
    """The job's result; a run that could use no item fails, its one line naming the first
    bad line (``errors``: "SHARD line N: field: reason"), as a failed job keeps no result."""
    if code == exitcodes.FAILED:
        first = next(iter(errors), None)
        where = f" (first: {first})" if first else ""
        raise InputError(f"no item of the shards could be used{where}: {summary}")
    if manifest is not None and manifest not in summary:
        summary = f"{summary}; manifest {manifest}"
    out["summary"] = summary
    kept = out.get("errors")
    if isinstance(kept, list) and len(kept) > ERRORS_KEPT:
        out["errors"] = kept[:ERRORS_KEPT]
        if "errors_truncated" in out:  # a validation's: the list no longer holds them all
            out["errors_truncated"] = True
    return out


def _keep_first_rejected(shards: list[dict[str, Any]]) -> None:
    """A redaction's rejected lines, :data:`ERRORS_KEPT` in all kept in the job's result (a
    row read at every look at the job), each shard's counted in ``rejected_total``."""
    room = ERRORS_KEPT
    for shard in shards:
        rejected = shard["rejected"]
        shard["rejected_total"] = len(rejected)
        shard["rejected"] = rejected[:room]
        room -= len(shard["rejected"])


def run_validate(ctx: JobContext) -> dict[str, Any]:
    from curation.ingest.validate_shards import STAGE, ValidateOptions, validate_shards

    shards = _attach(ctx)
    options = ValidateOptions(
        model=ctx.params.get("model") or "gpt-4.1",
        price_per_million=ctx.params.get("price_per_million"),
    )
    report, figures = validate_shards(
        shards, options, progress=per_shard(ctx.progress, shards, STAGE)
    )
    out = {**report.as_dict(), "shards": [f.as_dict() for f in figures]}
    summary = (
        f"{len(figures)} shards: {report.valid_examples:,} of {report.examples:,} examples valid,"
        f" {report.error_total:,} errors"
    )
    errors = (f"{issue.where}: {issue.message}" for issue in report.errors)
    return _finish(out, summary, None, report.exit_code, errors)


def run_redact(ctx: JobContext) -> dict[str, Any]:
    from curation.jobs.params import need
    from curation.pii.file_options import RedactChoices
    from curation.pii.shards import STAGE, redact_shards

    shards = _attach(ctx)
    choices = RedactChoices.from_params(ctx.params)
    options = choices.options(ctx.ws if choices.workspace else None)
    result = redact_shards(
        shards,
        need(ctx.params, "output"),
        options,
        command_options=choices.manifest_options(options),
        progress=per_shard(ctx.progress, shards, STAGE),
    )
    errors = (f"{Path(r.path).name} {e}" for r in result.results for e in r.rejected)
    out = result.as_dict()
    _keep_first_rejected(out["shards"])
    return _finish(out, result.summary(), str(result.manifest), result.exit_code, errors)


def run_dedup(ctx: JobContext) -> dict[str, Any]:
    from curation.dedup.runs import job_settings
    from curation.dedup.shards import READING, WRITING, dedup_shards, manifest_options
    from curation.jobs.params import need

    shards = _attach(ctx)
    settings = job_settings(ctx.params)
    fmt = ctx.params.get("format")
    result = dedup_shards(
        shards,
        need(ctx.params, "output"),
        settings,
        fmt=fmt,
        clusters_path=ctx.params.get("clusters"),
        command_options=manifest_options(settings, fmt),
        progress=per_shard(ctx.progress, shards, READING, WRITING),
    )
    return _finish(
        result.as_dict(),
        result.summary(),
        str(result.manifest),
        result.exit_code,
        result.error_lines(),
    )


def run_export(ctx: JobContext) -> dict[str, Any]:
    from curation.export.shards import (
        STAGE,
        ExportShardsOptions,
        export_shards,
        manifest_options,
    )
    from curation.jobs.params import need, spec_of

    shards = _attach(ctx)
    spec = spec_of(need(ctx.params, "spec"))
    source_format = ctx.params.get("source_format")
    result = export_shards(
        shards,
        need(ctx.params, "output"),
        ExportShardsOptions(spec, ctx.actor, source_format),
        command_options=manifest_options(spec, source_format),
        progress=per_shard(ctx.progress, shards, STAGE),
    )
    return _finish(result.as_dict(), result.summary(), str(result.manifest), result.exit_code)


def input_size(kind: str, params: dict[str, Any]) -> tuple[int | None, int | None]:
    """What a sharded job reads, as (records, bytes), measured as its driver measures it
    when it asks the engine: the runner starts Ray for it on the same figures."""
    try:
        shards = resolve_shards(str(params.get("input")))
        size = shards.bytes
    except (InputError, OSError):
        return None, None
    if kind == "redact-shards":
        from curation.pii.files import fio_estimate

        return sum(fio_estimate(s.path) or 0 for s in shards.shards), None
    if kind == "export-shards":
        from curation.export.shards import RECORD_BYTES

        return size // RECORD_BYTES, size
    return None, size


RUNNERS: dict[str, Callable[[JobContext], dict[str, Any]]] = {
    "validate-shards": run_validate,
    "redact-shards": run_redact,
    "dedup-shards": run_dedup,
    "export-shards": run_export,
}
