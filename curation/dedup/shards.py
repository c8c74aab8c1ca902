"""Deduplicate a sharded corpus: clusters over all shards at once, output written per shard.

The shards are read in parallel (tasks on the engine when it says so, else here) into one
item list, in shard order, each item's ``order`` shifted past the previous shards' lines
so the "earliest" rule sees the shards as one file. One
:func:`~curation.dedup.engine.find_duplicates` over that list (its partitions on the
engine) finds every cluster, a pair split over two shards included, with one global
union-find. Each shard's kept items are then written to the output folder under the
shard's name (tasks again), as :func:`~curation.dedup.files.dedup_file` writes a file;
``manifest.json`` is written last.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from curation.dedup.engine import find_duplicates
from curation.dedup.files import FileItems, LineNote, read_items, write_kept
from curation.dedup.parallel import partitioning_on
from curation.dedup.results import DedupResult
from curation.dedup.settings import Encoders, Settings
from curation.fileio.atomic import open_output
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
from curation.ingest.formats import open_source
from curation.progress import Progress
from curation.wording import plural

READING = "Reading shards"  # progress: shards read of all shards
WRITING = "Writing shards"  # progress: shards written of all shards


def manifest_options(settings: Settings, fmt: str | None) -> dict[str, Any]:
    """What the manifest records of the command's options."""
    return {**settings.choices(), "format": fmt}


def read_shard(fmt: str | None, include_system: bool, shard: Shard) -> FileItems:
    """One shard's items (a task on the engine)."""
    return read_items(open_source(shard.path, fmt), include_system)


def write_shard(fmt: str | None, job: tuple[Shard, Path, frozenset[int]]) -> int:
    """Write one shard's kept items; how many (a task on the engine)."""
    shard, out, dropped = job
    return write_kept(open_source(shard.path, fmt), out, set(dropped))


@dataclass(frozen=True, slots=True)
class ShardedDedupResult(ShardedResult):
    """A sharded dedup: the global clusters, and what each shard kept."""

    shards: tuple[Shard, ...]
    reads: list[FileItems]
    kept: list[int]
    removed: list[int]
    result: DedupResult

    @property
    def items(self) -> int:
        return sum(r.total for r in self.reads)

    @property
    def rejected(self) -> int:
        return sum(r.rejected for r in self.reads)

    def error_lines(self) -> list[str]:
        return [line for r in self.reads for line in r.error_lines()]

    def notes(self) -> list[LineNote]:
        return [n for r in self.reads for n in r.notes]

    def summary(self) -> str:
        records = sum(len(r.items) for r in self.reads)
        text = (
            f"{plural(len(self.shards), 'shard')}: {plural(records, 'record')},"
            f" {plural(sum(self.removed), 'duplicate')} removed in"
            f" {plural(len(self.result.clusters), 'cluster')} (across shards) →"
            f" {plural(sum(self.kept), 'item')} in {self.manifest.parent}"
        )
        if self.rejected:
            text += f"; {self.rejected:,} unreadable items copied as they were"
        return text

    def own_dict(self) -> dict[str, Any]:
        return {
            "shards": [
                {
                    "input": str(s.path),
                    "items": r.total,
                    "records": len(r.items),
                    "rejected": r.rejected,
                    "kept": k,
                    "removed": d,
                }
                for s, r, k, d in zip(self.shards, self.reads, self.kept, self.removed, strict=True)
            ],
            "items": self.items,
            "records": sum(len(r.items) for r in self.reads),
            "rejected": self.rejected,
            "kept": sum(self.kept),
            "removed": sum(self.removed),
            "clusters": len(self.result.clusters),
            "exact_pairs": int(self.result.stats.get("exact_pairs", 0)),
            "embedder": self.result.stats.get("embedder"),
            "threshold": self.result.settings.threshold,
            "errors": self.error_lines()[:50],
            "notes": [n.as_dict() for n in self.notes()[:50]],
        }


def _last_line(read: FileItems) -> int:
    return max([*read.lines[-1:], *(e.line for e in read.errors[-1:]), read.total])


def dedup_shards(
    shards: ShardSet,
    out: str | Path,
    settings: Settings | None = None,
    *,
    fmt: str | None = None,
    clusters_path: str | Path | None = None,
    encoders: Encoders | None = None,
    command_options: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> ShardedDedupResult:
    """Deduplicate the shards as one corpus; write each shard's kept items into ``out``."""
    from curation.engine import Size, choose_for_shards, ordered_map

    settings = settings or Settings()
    for s in shards.shards:  # a missing or unreadable shard is named before anything starts
        open_source(s.path, fmt)
    folder = output_folder(shards, out)
    engine = choose_for_shards("dedup", Size(bytes=shards.bytes), len(shards.shards))
    report = progress or (lambda _stage, _done, _total: None)
    n = len(shards.shards)
    reads: list[FileItems] = []
    for read in ordered_map(
        partial(read_shard, fmt, settings.include_system), shards.shards, engine=engine
    ):
        reads.append(read)
        report(READING, len(reads), n)
    items = []
    owner: list[tuple[int, int]] = []  # global index -> (shard, line)
    offset = 0
    for k, read in enumerate(reads):
        for item, line in zip(read.items, read.lines, strict=True):
            item.order += offset
            items.append(item)
            owner.append((k, line))
        offset += _last_line(read)
    run = partitioning_on(engine)
    result = find_duplicates(
        items, settings, encoders=encoders, progress=progress, **run.as_kwargs()
    )
    dropped: list[set[int]] = [set() for _ in shards.shards]
    for i in result.dropped:
        k, line = owner[i]
        dropped[k].add(line)
    kept: list[int] = []
    with staged(folder) as work:
        jobs = [
            (s, work / s.name, frozenset(d)) for s, d in zip(shards.shards, dropped, strict=True)
        ]
        for written in ordered_map(partial(write_shard, fmt), jobs, engine=engine):
            kept.append(written)
            report(WRITING, len(kept), n)
        if clusters_path is not None:
            _write_clusters(clusters_path, result, shards, reads, owner)
        publish(work, folder)
    removed = [len(d) for d in dropped]
    outcomes = [
        ShardOutcome(
            s,
            r.total,
            k,
            (ShardOutput(folder / s.name, k),),
            rejected=r.rejected,
            extra={"removed": d},
        )
        for s, r, k, d in zip(shards.shards, reads, kept, removed, strict=True)
    ]
    manifest = build_manifest(
        "dedup",
        command_options or {},
        shards,
        outcomes,
        engine=engine.reason,
        extra={
            "clusters": len(result.clusters),
            "clusters_across_shards": sum(
                1 for c in result.clusters if len({owner[m][0] for m in c.members}) > 1
            ),
        },
    )
    path = write_manifest(folder, manifest)
    return ShardedDedupResult(
        shards.shards, reads, kept, removed, result, manifest=path, engine=engine.reason
    )


def cluster_objects(
    result: DedupResult, shards: ShardSet, reads: list[FileItems], owner: list[tuple[int, int]]
) -> Iterator[dict[str, Any]]:
    """Each cluster with its members as (file, line, id), as ``--clusters`` writes them."""
    ids = [i for r in reads for i in r.ids]
    for c in result.clusters:
        k, line = owner[c.representative]
        yield {
            "members": [
                {
                    "file": shards.shards[owner[i][0]].name,
                    "line": owner[i][1],
                    "id": ids[i],
                    "similarity": round(c.similarity[i], 4),
                }
                for i in c.members
            ],
            "kept": {"file": shards.shards[k].name, "line": line},
        }


def _write_clusters(
    path: str | Path,
    result: DedupResult,
    shards: ShardSet,
    reads: list[FileItems],
    owner: list[tuple[int, int]],
) -> None:
    with open_output(path) as fh:
        for obj in cluster_objects(result, shards, reads, owner):
            fh.write(orjson.dumps(obj) + b"\n")
