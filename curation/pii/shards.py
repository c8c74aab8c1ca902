"""Redact a sharded corpus: one output shard per input shard, then one manifest.

Each shard is redacted as :func:`curation.pii.files.redact_file` redacts a file. On the
engine the shards go to actors, each loading its detector (Presidio and the spaCy model)
once and redacting whole shards with it; in this process they run one after the other.
Detection and propagation work within a record and pseudonyms are keyed by the run's one
set of secrets, so the output shards concatenated equal the output of one run over the
input shards concatenated.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from curation.errors import InputError
from curation.fileio.shards import (
    Shard,
    ShardedResult,
    ShardOutcome,
    ShardOutput,
    ShardSet,
    build_manifest,
    output_folder,
    publish,
    remove_stale_staging,
    staged,
    write_manifest,
)
from curation.pii.files import FileRedactResult, RedactFileOptions, fio_estimate, redact_file
from curation.progress import Progress
from curation.wording import plural

REPORT_SUFFIX = ".findings.jsonl"
STAGE = "redact"  # progress: shards redacted of all shards


@dataclass(frozen=True, slots=True)
class ShardedRedactResult(ShardedResult):
    """Every shard's result, in shard order, and the manifest written last."""

    results: list[FileRedactResult]

    @property
    def items(self) -> int:
        return sum(r.items for r in self.results)

    @property
    def rejected(self) -> int:
        return sum(len(r.rejected) for r in self.results)

    def summary(self) -> str:
        redacted = sum(r.redacted_items for r in self.results)
        found = sum(r.findings for r in self.results)
        text = (
            f"{plural(len(self.results), 'shard')}: {plural(self.items, 'item')}, {redacted:,}"
            f" redacted, {plural(found, 'value')} replaced → {self.manifest.parent}"
            f" ({self.manifest.name})"
        )
        if self.rejected:
            text += f"; {plural(self.rejected, 'line')} the reader rejected were copied unchanged"
        return text

    def own_dict(self) -> dict[str, Any]:
        return {"shards": [r.as_dict() for r in self.results]}


def _shard_options(options: RedactFileOptions, shard: Shard, reports: Path | None) -> Any:
    # by the full name: a.jsonl and a.jsonl.gz (or a.parquet) keep their reports apart
    report = None if reports is None else reports / (shard.name + REPORT_SUFFIX)
    return replace(options, report=report)


def _check_report_folder(reports: Path, folder: Path, shards: ShardSet) -> None:
    """Findings hold raw values: never among the redacted shards, nor beside the inputs
    (a later command over that folder would read them as shards)."""
    where = reports.expanduser().resolve()
    if where == folder.resolve():
        raise InputError(
            f"{reports}: is the output folder; findings would sit among the redacted shards "
            "(choose another --report folder)"
        )
    if any(s.path.resolve().parent == where for s in shards.shards):
        raise InputError(
            f"{reports}: holds input shards; findings would be read as shards next time "
            "(choose another --report folder)"
        )


def redact_one(
    options: RedactFileOptions, folder: Path, reports: Path | None, shard: Shard
) -> FileRedactResult:
    """Redact one shard into ``folder`` under its own name."""
    return redact_file(shard.path, folder / shard.name, _shard_options(options, shard, reports))


def _on_actor(
    options: RedactFileOptions, folder: Path, reports: Path | None, _detector: Any, shard: Shard
) -> FileRedactResult:
    # The actor's detector is the process's cached one: redact_file with one worker finds it.
    return redact_one(replace(options, workers=1), folder, reports, shard)


def redact_shards(
    shards: ShardSet,
    out: str | Path,
    options: RedactFileOptions,
    *,
    command_options: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ShardedRedactResult:
    """Redact every shard of ``shards`` into the folder ``out``; ``options.report``, if
    given, names a folder for one ``SHARD.findings.jsonl`` per shard."""
    from curation.engine import Size, choose_for_shards, cluster
    from curation.engine.mapping import actor_map, ready
    from curation.pii import worker
    from curation.pii.config import PiiConfig

    folder = output_folder(shards, out)
    reports = None if options.report is None else Path(options.report)
    if reports is not None:
        _check_report_folder(reports, folder, shards)
        reports.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(reports)
    texts = sum(fio_estimate(s.path) or 0 for s in shards.shards)
    asked = options.workers not in (None, 1)
    engine = ready(choose_for_shards("pii", Size(records=texts), len(shards.shards), force=asked))
    config = (options.config or PiiConfig()).check_entities_known()
    done: Iterator[FileRedactResult]
    results: list[FileRedactResult] = []
    with contextlib.ExitStack() as stack:  # the findings too: a failed run leaves none
        work = stack.enter_context(staged(folder))
        found = None if reports is None else stack.enter_context(staged(reports))
        if engine.ray:
            done = actor_map(
                partial(worker.make_detector, config.as_dict()),
                partial(_on_actor, options, work, found),
                shards.shards,
                engine=engine,
                workers=min(len(shards.shards), options.workers or cluster.cpus(), cluster.cpus()),
            )
        else:
            done = (redact_one(options, work, found, s) for s in shards.shards)
        for result in done:
            results.append(result)
            if progress is not None:
                progress(STAGE, len(results), len(shards.shards))
        publish(work, folder)
        if reports is not None and found is not None:
            publish(found, reports, manifest=False)
    results = [
        replace(r, out=str(folder / shard.name))
        for shard, r in zip(shards.shards, results, strict=True)
    ]
    outcomes = [
        ShardOutcome(
            shard,
            r.items,
            r.items,
            (ShardOutput(folder / shard.name, r.items),),
            rejected=len(r.rejected),
            extra={"redacted_items": r.redacted_items, "findings": r.findings},
        )
        for shard, r in zip(shards.shards, results, strict=True)
    ]
    manifest = build_manifest(
        "redact", command_options or {}, shards, outcomes, engine=engine.reason
    )
    path = write_manifest(folder, manifest)
    return ShardedRedactResult(results, manifest=path, engine=engine.reason)
