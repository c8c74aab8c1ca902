"""Export a sharded corpus file to file: one output shard per input shard, one manifest.

Each shard is exported as :func:`curation.export.filemode.export_file` exports a file (its
own throwaway workspace, the same checks and split), into a hidden folder; its files are
then renamed into the run's staging folder as ``SHARD<suffix>`` (with
``.train``/``.validation`` before the suffix under a validation split), moved into the
output folder once every shard is exported (:func:`~curation.fileio.shards.publish`). The export
manifest each shard would have beside its file goes, whole, into the shard's entry of the
one ``manifest.json`` (under ``export``), written last. Shards run as tasks on the engine
when it says so (a big corpus, or ``--ray-address``), else one after the other here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from curation import exitcodes
from curation.errors import InputError
from curation.export.spec import ExportSpec
from curation.fileio.shards import (
    Shard,
    ShardedResult,
    ShardOutcome,
    ShardOutput,
    ShardSet,
    build_manifest,
    output_folder,
    publish,
    staged,
    write_manifest,
)
from curation.progress import Progress
from curation.wording import plural

RECORD_BYTES = 2000
STAGE = "export"  # progress: shards exported of all shards


@dataclass(frozen=True, slots=True)
class ShardExport:
    """What one shard's export wrote (its files in the folder it was given)."""

    shard: Shard
    files: tuple[ShardOutput, ...]
    candidates: int
    written: int
    left_out: dict[str, int]
    source_rejected: int
    warnings: tuple[str, ...]
    manifest: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExportShardsOptions:
    spec: ExportSpec
    actor: str
    source_format: str | None = None


def export_shard(options: ExportShardsOptions, folder: Path, shard: Shard) -> ShardExport:
    """Export one shard into ``folder`` (a task on the engine)."""
    from curation.export.filemode import export_file
    from curation.export.registry import get_export_format

    suffix = get_export_format(options.spec.format).suffix
    work = Path(tempfile.mkdtemp(prefix=f".{shard.stem}.", suffix=".part", dir=folder))
    try:
        result = export_file(
            shard.path,
            options.spec,
            work / f"{shard.stem}{suffix}",
            actor=options.actor,
            source_format=options.source_format,
            scratch=work,
        )
        files = []
        for f in result.files:
            target = folder / f.path.name
            os.replace(f.path, target)
            files.append(ShardOutput(target, f.rows, f.split))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ShardExport(
        shard,
        tuple(files),
        result.candidates,
        result.written,
        dict(result.left_out),
        result.source_rejected,
        tuple(result.warnings),
        _shard_manifest(result.manifest),
    )


def _shard_manifest(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The shard's export manifest without what the top level says once (tool, input path)."""
    return {k: v for k, v in manifest.items() if k not in ("tool", "manifest_version")}


@dataclass(frozen=True, slots=True)
class ShardedExportResult(ShardedResult):
    shards: list[ShardExport]
    format: str

    @property
    def rejected(self) -> int:
        return sum(s.source_rejected for s in self.shards)

    @property
    def exit_code(self) -> int:
        # lines a shard's reader rejected make it partial; no row written is not a failure
        return exitcodes.PARTIAL if self.rejected else exitcodes.OK

    @property
    def written(self) -> int:
        return sum(s.written for s in self.shards)

    @property
    def candidates(self) -> int:
        return sum(s.candidates for s in self.shards)

    @property
    def warnings(self) -> list[str]:
        return [f"{s.shard.name}: {w}" for s in self.shards for w in s.warnings]

    def summary(self) -> str:
        return (
            f"{plural(len(self.shards), 'shard')}: {self.written:,} of {self.candidates:,}"
            f" candidate rows written as {self.format} → {self.manifest.parent}"
            f" ({sum(len(s.files) for s in self.shards)} files, {self.manifest.name})"
        )

    def own_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "shards": [
                {
                    "input": str(s.shard.path),
                    "files": [
                        {"path": str(f.path), "rows": f.records, "split": f.split} for f in s.files
                    ],
                    "candidates": s.candidates,
                    "written": s.written,
                    "left_out": s.left_out,
                    "source_rejected": s.source_rejected,
                }
                for s in self.shards
            ],
            "candidates": self.candidates,
            "written": self.written,
            "warnings": self.warnings,
        }


def manifest_options(spec: ExportSpec, source_format: str | None) -> dict[str, Any]:
    """What the manifest records of the command's options (beside the format)."""
    return {
        "validation_split": spec.validation_split,
        "seed": spec.seed,
        "source_format": source_format,
    }


def export_shards(
    shards: ShardSet,
    out: str | Path,
    options: ExportShardsOptions,
    *,
    command_options: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ShardedExportResult:
    """Export every shard of ``shards`` into the folder ``out``, then write the manifest."""
    from curation.engine import Size, choose_for_shards, ordered_map

    stems: dict[str, Shard] = {}
    for s in shards.shards:
        if s.stem in stems:
            raise InputError(
                f"{stems[s.stem].path} and {s.path}: both would be exported as {s.stem}; rename one"
            )
        stems[s.stem] = s
    folder = output_folder(shards, out)
    size = shards.bytes  # about 2 KB a chat record: the rows to build, check and count
    engine = choose_for_shards(
        "export", Size(records=size // RECORD_BYTES, bytes=size), len(shards.shards)
    )
    staged_done: list[ShardExport] = []
    with staged(folder) as work:
        export = partial(export_shard, options, work)
        for one in ordered_map(export, shards.shards, engine=engine):
            staged_done.append(one)
            if progress is not None:
                progress(STAGE, len(staged_done), len(shards.shards))
        publish(work, folder)
    done = [
        replace(one, files=tuple(replace(f, path=folder / f.path.name) for f in one.files))
        for one in staged_done
    ]
    outcomes = [
        ShardOutcome(
            s.shard,
            s.candidates,
            s.written,
            s.files,
            rejected=s.source_rejected,
            extra={"left_out": s.left_out, "warnings": list(s.warnings), "export": s.manifest},
        )
        for s in done
    ]
    manifest = build_manifest(
        "export",
        {"format": options.spec.format, **(command_options or {})},
        shards,
        outcomes,
        engine=engine.reason,
    )
    path = write_manifest(folder, manifest)
    return ShardedExportResult(done, options.spec.format, manifest=path, engine=engine.reason)
