"""What an import would do, without writing anything: the Import page's check and preview.

:func:`scan_file` parses every item and counts its tokens as :func:`curation.ingest.importer.
import_file` would, and returns a :class:`ScanReport`; :func:`preview_records` parses the
first few items; :func:`estimate_items` guesses a file's item count for a progress bar.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np

from curation.errors import InputError
from curation.fileio.gate import open_regular
from curation.fileio.limits import CHUNK
from curation.fileio.source import open_binary
from curation.ingest.formats import (
    ColumnMapping,
    LineError,
    NoteKey,
    Parsed,
    Source,
    explain_detection,
    field_notes,
    open_source,
)
from curation.ingest.formats.notes import FieldNote
from curation.ingest.tokens import counter_for_model
from curation.progress import Progress

BATCH = 2000
KEEP_ERRORS = 10_000
STAGE = "scan"


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What an import of ``path`` would do: counts, the first errors, tokens per valid record."""

    path: str
    format: str
    container: str
    lines: int
    valid: int
    repeats: int  # valid items whose content an earlier item of the file already has
    completions: int
    pairs: int
    rejected: int
    errors: tuple[LineError, ...]
    tokens: np.ndarray  # int64, one total per valid record
    encoding: str
    note: str
    columns: list[str] | None  # a table's columns, when the format maps columns
    mapping: ColumnMapping | None
    fields: tuple[FieldNote, ...]  # fields the importer would map or keep without using
    desirable: int  # completions labelled desirable (unpaired KTO feedback)
    undesirable: int  # and undesirable
    detected_by: str  # the detection rule and runner-up, when the format was detected

    def field_report(self) -> list[str]:
        return [str(n) for n in self.fields]


@dataclass(slots=True)
class LineTally:
    """What reading a file counts, whether it is scanned or imported."""

    lines: int = 0
    completions: int = 0
    pairs: int = 0
    rejected: int = 0
    errors: list[LineError] = field(default_factory=list)
    notes: Counter[NoteKey] = field(default_factory=Counter)


@dataclass(slots=True)
class _ScanTally(LineTally):
    """The counts :func:`scan_file` keeps while it reads."""

    valid: int = 0
    desirable: int = 0
    undesirable: int = 0


def estimate_items(path: str | Path) -> int | None:
    """Newline count of an uncompressed JSONL/CSV file, for a progress bar; None if unknown."""
    p = Path(path)
    if p.is_dir():
        return None
    try:
        with open_regular(p) as fh:
            if fh.read(2) == b"\x1f\x8b" or p.suffix.lower() in (".parquet", ".json"):
                return None
        with open_binary(p) as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(CHUNK), b"")) + 1
    except (OSError, InputError):
        return None


def scan_file(
    path: str | Path,
    format: str | None = None,
    mapping: ColumnMapping | None = None,
    *,
    progress: Progress | None = None,
) -> ScanReport:
    """Parse every item and count tokens, as an import would, but write nothing."""
    from curation.ingest.formats.table import table_columns

    source = open_source(path, format, mapping)
    counter = counter_for_model("gpt-4.1")
    columns = None
    detected_by = ""
    if source.mapping is not None:
        columns = table_columns(source.path, source.container)
    elif format is None:
        detected_by = explain_detection(path, source.container).explain()
    tally = _ScanTally()
    chunks: list[np.ndarray] = []
    # 64-bit prefixes of the content hashes: 8 bytes a record, enough to count repeats
    keys: list[np.ndarray] = []
    total = estimate_items(path) if progress is not None else None
    for batch in _batches(_parsed(source, tally), BATCH):
        records = [p.record for p in batch if p.record is not None]
        for r in records:
            for c in r.completions:
                if c.label is None:
                    continue
                if c.label:
                    tally.desirable += 1
                else:
                    tally.undesirable += 1
        totals, _ = counter.conversations([r.messages for r in records])
        chunks.append(totals)
        keys.append(np.array([int(r.content_hash()[:16], 16) for r in records], dtype=np.uint64))
        tally.valid += len(records)
        tally.completions += sum(len(r.completions) for r in records)
        tally.pairs += sum(len(r.completions) * (len(r.completions) - 1) // 2 for r in records)
        if progress is not None:
            progress(STAGE, tally.lines, total if total is None or total >= tally.lines else None)
    repeats = tally.valid - len(np.unique(np.concatenate(keys))) if keys else 0
    return ScanReport(
        path=str(path),
        format=source.format.name,
        container=source.container,
        lines=tally.lines,
        valid=tally.valid,
        repeats=repeats,
        completions=tally.completions,
        pairs=tally.pairs,
        rejected=tally.rejected,
        errors=tuple(tally.errors),
        tokens=np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64),
        encoding=counter.encoding,
        note=counter.note,
        columns=columns,
        mapping=source.mapping,
        fields=tuple(field_notes(tally.notes)),
        desirable=tally.desirable,
        undesirable=tally.undesirable,
        detected_by=detected_by,
    )


def preview_records(
    path: str | Path, format: str | None = None, mapping: ColumnMapping | None = None, n: int = 5
) -> list[Parsed]:
    """The first ``n`` items, parsed, for the preview."""
    return list(islice(open_source(path, format, mapping).records(), n))


def _parsed(source: Source, tally: _ScanTally) -> Iterator[Parsed]:
    for parsed in source.records(tally.notes):
        tally.lines += 1
        if parsed.error is not None:
            tally.rejected += 1
            if len(tally.errors) < KEEP_ERRORS:
                tally.errors.append(parsed.error)
            continue
        yield parsed


def _batches(items: Iterator[Parsed], size: int) -> Iterator[list[Parsed]]:
    while batch := list(islice(items, size)):
        yield batch
