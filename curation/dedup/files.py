"""File-to-file dedup and train/validation leakage, without a workspace.

The kept file is the input minus the duplicates, in the same format and order, each kept
item copied as it was read (:mod:`curation.fileio.rewrite`): JSONL lines byte for byte
(lines that could not be parsed are kept as they were: they are not duplicates), JSON
array elements, CSV/TSV rows under the header, Parquet rows with the source's schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from curation import exitcodes
from curation.dedup.engine import find_duplicates, find_matches
from curation.dedup.parallel import engine_matching, engine_partitioning
from curation.dedup.partition import MapFn, Partitioning, PartitionPairs, PartitionTask
from curation.dedup.results import DedupResult
from curation.dedup.settings import Encoders, Settings
from curation.dedup.units import Item, input_notes, make_item, record_score
from curation.engine.choice import Size
from curation.errors import InputError
from curation.fileio.atomic import open_output
from curation.fileio.rewrite import iter_items, open_writer
from curation.fileio.table import HEADER
from curation.ingest.formats import LineError, Source, open_source
from curation.progress import Progress
from curation.wording import plural

MAX_SHOWN_ERRORS = 50
MAX_KEPT_NOTES = 10_000


@dataclass(frozen=True, slots=True)
class LineNote:
    """A field of one input line that dedup could read only in part (see :class:`units.Note`)."""

    file: str
    line: int
    id: Any
    field: str
    reason: str
    code: str

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.field}: {self.reason}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "id": self.id,
            "field": self.field,
            "reason": self.reason,
            "code": self.code,
        }


@dataclass(slots=True)
class FileItems:
    name: str = ""
    lines: list[int] = field(default_factory=list)
    ids: list[Any] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    notes: list[LineNote] = field(default_factory=list)
    rejected: int = 0
    total: int = 0

    def error_lines(self) -> list[str]:
        """Each rejected line as "FILE line N: field: reason"."""
        return [f"{self.name} {e}" for e in self.errors]


def read_items(source: Source, include_system: bool = False) -> FileItems:
    out = FileItems(name=source.path.name)
    for parsed in source.records():
        out.total += 1
        if parsed.record is None:
            out.rejected += 1
            if parsed.error is not None and len(out.errors) < MAX_KEPT_NOTES:
                out.errors.append(parsed.error)
            continue
        record = parsed.record
        record_id = _record_id(parsed.raw, record.metadata)
        item = make_item(
            record.messages,
            record.completions,
            record.rankings,
            order=parsed.line,
            score=record_score(record.metadata, record.completions),
            include_system=include_system,
        )
        out.lines.append(parsed.line)
        out.ids.append(record_id)
        out.items.append(item)
        notes = input_notes(item, record.messages, include_system=include_system)
        for note in notes[: max(0, MAX_KEPT_NOTES - len(out.notes))]:
            out.notes.append(
                LineNote(out.name, parsed.line, record_id, note.field, note.reason, note.code)
            )
    return out


def _record_id(raw: Any, metadata: Any) -> Any:
    for holder in (raw, metadata):
        if isinstance(holder, dict):
            for key in ("id", "conversation_id"):
                value = holder.get(key)
                if isinstance(value, str | int) and not isinstance(value, bool):
                    return value
    return None


@dataclass(slots=True)
class FileResult:
    input: str
    output: str
    format: str
    items: int
    records: int
    rejected: int
    kept: int
    removed: int
    clusters: int
    exact_pairs: int
    errors: list[LineError]
    notes: list[LineNote]
    result: DedupResult

    def as_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "format": self.format,
            "items": self.items,
            "records": self.records,
            "rejected": self.rejected,
            "kept": self.kept,
            "removed": self.removed,
            "clusters": self.clusters,
            "exact_pairs": self.exact_pairs,
            "empty": self.result.stats.get("empty", 0),
            "embedder": self.result.stats.get("embedder"),
            "threshold": self.result.settings.threshold,
            "timings": self.result.stats.get("timings", {}),
            "errors": [e.as_dict() for e in self.errors[:MAX_SHOWN_ERRORS]],
            "notes": [n.as_dict() for n in self.notes[:MAX_SHOWN_ERRORS]],
            "notes_total": len(self.notes),
            "exit_code": self.exit_code,
        }

    @property
    def exit_code(self) -> int:
        """0 every item read, 2 some unreadable (copied as they were), 1 no item or none usable."""
        return exitcodes.for_items(self.items, self.rejected)

    def summary(self) -> str:
        if self.items == 0:
            return (
                f"{Path(self.input).name}: no items (the file is empty or holds only a header"
                " row); nothing to deduplicate"
            )
        text = (
            f"{Path(self.input).name} [{self.format}]: {plural(self.records, 'record')},"
            f" {plural(self.removed, 'duplicate')} removed in {plural(self.clusters, 'cluster')} → {plural(self.kept, 'item')} in"
            f" {self.output}"
        )
        if self.rejected:
            text += f"; {self.rejected:,} unreadable items copied as they were"
        if self.notes:
            text += f"; {len(self.notes):,} notes on fields read only in part"
        return text


@dataclass(frozen=True, slots=True)
class DedupFileOptions:
    """How :func:`dedup_file` reads and compares, and where it writes the clusters."""

    settings: Settings | None = None
    format: str | None = None  # the import format's name; guessed when None
    clusters_path: str | Path | None = None  # JSONL: one line per cluster, if given
    partitions: int | None = 1  # see :func:`curation.dedup.engine.find_duplicates`


def dedup_file(
    path: str | Path,
    output: str | Path,
    options: DedupFileOptions | None = None,
    *,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
    map_fn: MapFn[PartitionTask, PartitionPairs] | None = None,
) -> FileResult:
    """Write ``output``: ``path`` without its duplicates; optionally the clusters as JSONL.

    ``map_fn`` runs the partitions when ``options.partitions`` asks for more than one; None:
    the engine decides from the file's size (:func:`~curation.dedup.parallel.engine_partitioning`).
    """
    opts = options or DedupFileOptions()
    src, out = Path(path), Path(output)
    if src.resolve() == out.resolve():
        raise InputError(f"{out}: the output would overwrite the input; choose another file")
    source = open_source(src, opts.format)
    if map_fn is None:  # after open_source: it names a missing or unreadable file plainly
        run = engine_partitioning(Size(bytes=src.stat().st_size), opts.partitions)
    else:
        run = Partitioning(opts.partitions, map_fn=map_fn)
    read = read_items(source, (opts.settings or Settings()).include_system)
    result = find_duplicates(
        read.items, opts.settings, encoders=encoders, progress=progress, **run.as_kwargs()
    )
    dropped_lines = {read.lines[i] for i in result.dropped}
    kept = write_kept(source, out, dropped_lines)
    if opts.clusters_path is not None:
        write_clusters(opts.clusters_path, result, read)
    return FileResult(
        input=str(src),
        output=str(out),
        format=source.format.name,
        items=read.total,
        records=len(read.items),
        rejected=read.rejected,
        kept=kept,
        removed=len(dropped_lines),
        clusters=len(result.clusters),
        exact_pairs=int(result.stats.get("exact_pairs", 0)),
        errors=read.errors,
        notes=read.notes,
        result=result,
    )


def cluster_objects(result: DedupResult, read: FileItems) -> Iterator[dict[str, Any]]:
    for c in result.clusters:
        yield {
            "members": [
                {"line": read.lines[i], "id": read.ids[i], "similarity": round(c.similarity[i], 4)}
                for i in c.members
            ],
            "kept": read.lines[c.representative],
        }


def write_clusters(path: str | Path, result: DedupResult, read: FileItems) -> None:
    with open_output(path) as fh:
        for obj in cluster_objects(result, read):
            fh.write(orjson.dumps(obj) + b"\n")


def write_kept(source: Source, out: Path, dropped: set[int]) -> int:
    """Write the items not dropped, each as it was read; return how many were written.

    JSONL keeps lines the reader rejected (they are not duplicates); the other containers
    keep only the items they could read. Blank lines and a table's header stay.
    """
    kept = 0
    keep_rejected = source.container == "jsonl"
    with open_output(out) as sink:
        writer = open_writer(source.container, source.path, sink)
        for item in iter_items(source.container, source.path):
            if item.line in dropped and item.code != HEADER:
                continue
            if item.error is not None:
                if not keep_rejected or (item.raw is None and item.span is None):
                    continue
            elif item.value is None:  # a header, a blank line
                writer.write(item)
                continue
            writer.write(item)
            kept += 1
        writer.close()
    return kept


# ----------------------------------------------------------------------------- leakage


@dataclass(slots=True)
class FileLeak:
    valid_line: int
    valid_id: Any
    train_line: int
    train_id: Any
    similarity: float
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "validation_line": self.valid_line,
            "validation_id": self.valid_id,
            "train_line": self.train_line,
            "train_id": self.train_id,
            "similarity": round(self.similarity, 4),
            "kind": self.kind,
        }


def file_leakage(
    train: str | Path,
    valid: str | Path,
    *,
    format: str | None = None,
    settings: Settings | None = None,
    encoders: Encoders | None = None,
    progress: Progress | None = None,
) -> tuple[list[FileLeak], FileItems, FileItems]:
    """Validation records of ``valid`` that have a near-duplicate in ``train``; on the
    engine when the two files are big (:func:`~curation.dedup.parallel.engine_matching`)."""
    include_system = (settings or Settings()).include_system
    t = read_items(open_source(train, format), include_system)
    v = read_items(open_source(valid, format), include_system)
    size = Size(bytes=Path(train).stat().st_size + Path(valid).stat().st_size)
    matches = find_matches(
        t.items, v.items, settings, encoders=encoders, progress=progress, run=engine_matching(size)
    )
    leaks = [
        FileLeak(
            v.lines[x.query],
            v.ids[x.query],
            t.lines[x.reference],
            t.ids[x.reference],
            x.similarity,
            x.kind,
        )
        for x in matches
    ]
    return leaks, t, v
