"""Import files into a workspace dataset: one transaction per file, every bad line reported.

Records are deduplicated by content hash within the dataset, so importing the same
file twice adds nothing. Each record with N completions gets its N(N−1)/2 pairs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import InputError
from curation.formats import ColumnMapping, LineError, Parsed, Source, open_source
from curation.formats.io import CHUNK, open_binary
from curation.records import Record
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_or_create_dataset, insert_ignoring, refresh_planner_stats
from curation.tokens import Counter, counter_for_model

BATCH = 2000
KEEP_ERRORS = 10_000

Progress = Callable[[int], None]


@dataclass(slots=True)
class ImportResult:
    path: str
    dataset: str
    format: str
    lines: int = 0
    imported: int = 0
    skipped: int = 0
    completions: int = 0
    pairs: int = 0
    errors: list[LineError] = field(default_factory=list)
    rejected: int = 0
    import_id: int | None = None
    note: str = ""

    @property
    def exit_code(self) -> int:
        """0 all imported, 2 some rejected, 1 nothing usable (every item rejected)."""
        if self.rejected == 0:
            return 0
        return 2 if self.imported + self.skipped > 0 else 1

    def summary(self) -> str:
        parts = [f"{self.imported:,} imported"]
        if self.skipped:
            parts.append(f"{self.skipped:,} already in the dataset")
        if self.rejected:
            parts.append(f"{self.rejected:,} rejected")
        tail = (
            f" ({self.completions:,} completions, {self.pairs:,} pairs)" if self.completions else ""
        )
        return f"{Path(self.path).name} [{self.format}] → {self.dataset}: {', '.join(parts)}{tail}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "dataset": self.dataset,
            "format": self.format,
            "items": self.lines,
            "imported": self.imported,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "completions": self.completions,
            "pairs": self.pairs,
            "errors": [e.as_dict() for e in self.errors],
        }


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def estimate_items(path: str | Path) -> int | None:
    """Newline count of an uncompressed JSONL/CSV file, for a progress bar; None if unknown."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            if fh.read(2) == b"\x1f\x8b" or p.suffix.lower() in (".parquet", ".json"):
                return None
        with open_binary(p) as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(CHUNK), b"")) + 1
    except OSError:
        return None


def import_file(
    ws: Workspace,
    path: str | Path,
    dataset: str,
    *,
    format: str | None = None,
    mapping: ColumnMapping | None = None,
    actor: str = "cli",
    display_name: str | None = None,
    progress: Progress | None = None,
    on_error: Callable[[LineError], None] | None = None,
) -> ImportResult:
    """Import one file in one transaction. Bad lines are reported, never fatal."""
    source = open_source(path, format, mapping)
    counter = counter_for_model("gpt-4.1")
    result = ImportResult(
        path=display_name or str(path),
        dataset=dataset,
        format=source.format.name,
        note=counter.note,
    )
    sha = file_sha256(path)
    with ws.tx() as session:
        ds, _ = get_or_create_dataset(session, dataset)
        run = m.ImportRun(
            dataset_id=ds.id, path=result.path, format=source.format.name, sha256=sha, actor=actor
        )
        session.add(run)
        session.flush()
        writer = _BatchWriter(session, ds.id, run.id, source.format.name, counter)
        for batch in _batches(_parsed(source, result, on_error), BATCH):
            writer.write(batch, result)
            if progress:
                progress(result.lines)
        if result.imported >= BATCH:
            refresh_planner_stats(session, "records", "completions", "pairs")
        run.lines, run.imported, run.skipped = result.lines, result.imported, result.skipped
        run.rejected = result.rejected
        run.errors = [e.as_dict() for e in result.errors[:1000]]
        run.finished_at = m.utcnow()
        result.import_id = run.id
        log_event(
            session,
            actor,
            "import",
            "dataset",
            ds.id,
            file=result.path,
            format=result.format,
            sha256=sha,
            imported=result.imported,
            skipped=result.skipped,
            rejected=result.rejected,
        )
    return result


class Tally(Protocol):
    """What ``_parsed`` counts while it reads: items seen, items rejected, the first errors."""

    lines: int
    rejected: int
    errors: list[LineError]


def _parsed(
    source: Source, result: Tally, on_error: Callable[[LineError], None] | None
) -> Iterator[Parsed]:
    for parsed in source.records():
        result.lines += 1
        if parsed.error is not None:
            result.rejected += 1
            if len(result.errors) < KEEP_ERRORS:
                result.errors.append(parsed.error)
            if on_error:
                on_error(parsed.error)
            continue
        yield parsed


def _batches(items: Iterator[Parsed], size: int) -> Iterator[list[Parsed]]:
    while batch := list(islice(items, size)):
        yield batch


class _BatchWriter:
    def __init__(
        self, session: Session, dataset_id: int, import_id: int, fmt: str, counter: Counter
    ) -> None:
        self.session = session
        self.dataset_id = dataset_id
        self.import_id = import_id
        self.fmt = fmt
        self.counter = counter

    def write(self, batch: list[Parsed], result: ImportResult) -> None:
        unique = self._unique(batch, result)
        records = [p.record for p, _ in unique if p.record is not None]
        conv_tokens, _ = self.counter.conversations([r.messages for r in records])
        rows = [
            self._row(p, r, h, int(t))
            for (p, h), r, t in zip(unique, records, conv_tokens, strict=True)
        ]
        # Content already in the dataset is skipped by the unique index itself; RETURNING
        # gives the new ids (matched by hash, not by order, which keeps the insert batched).
        table = _table(m.Record)
        stmt = insert_ignoring(self.session, table, ["dataset_id", "content_hash"])
        inserted = {
            h: rid
            for rid, h in self.session.execute(
                stmt.returning(table.c.id, table.c.content_hash), rows
            )
        }
        result.skipped += len(rows) - len(inserted)
        kept = [
            (inserted[h], record)
            for (_, h), record in zip(unique, records, strict=True)
            if h in inserted
        ]
        result.imported += len(kept)
        self._write_completions(kept, result)

    def _unique(self, batch: list[Parsed], result: ImportResult) -> list[tuple[Parsed, str]]:
        """The batch's items with their content hashes, repeats within the batch skipped."""
        hashed: dict[str, Parsed] = {}
        for parsed in batch:
            assert parsed.record is not None
            h = parsed.record.content_hash()
            if h in hashed:
                result.skipped += 1
            else:
                hashed[h] = parsed
        return [(p, h) for h, p in hashed.items()]

    def _row(
        self, parsed: Parsed, record: Record, content_hash: str, tokens: int
    ) -> dict[str, Any]:
        return {
            "dataset_id": self.dataset_id,
            "import_id": self.import_id,
            "line": parsed.line,
            "source_format": self.fmt,
            "content_hash": content_hash,
            "messages": record.messages,
            "tools": record.tools,
            "metadata": record.metadata,
            "extra": record.extra,
            "rankings": [list(r) for r in record.rankings],
            "n_messages": len(record.messages),
            "role_counts": _role_counts(record),
            "n_user_turns": sum(1 for msg in record.messages if msg.get("role") == "user"),
            "n_tokens": tokens,
            "n_completions": len(record.completions),
        }

    def _write_completions(self, kept: list[tuple[int, Record]], result: ImportResult) -> None:
        owners = [(record_id, record) for record_id, record in kept if record.completions]
        rows: list[dict[str, Any]] = [
            {
                "record_id": record_id,
                "position": i,
                "messages": c.messages,
                "source": c.source,
                "scores": c.scores,
                "n_tokens": 0,
            }
            for record_id, record in owners
            for i, c in enumerate(record.completions)
        ]
        if not rows:
            return
        totals, _ = self.counter.conversations(
            [c.messages for _, record in owners for c in record.completions]
        )
        for row, tokens in zip(rows, totals, strict=True):
            row["n_tokens"] = int(tokens)
        table = _table(m.Completion)
        by_position = {
            (record_id, position): cid
            for cid, record_id, position in self.session.execute(
                sa.insert(table).returning(table.c.id, table.c.record_id, table.c.position), rows
            )
        }
        result.completions += len(rows)
        pairs: list[dict[str, Any]] = []
        for record_id, record in owners:
            cids = [by_position[(record_id, i)] for i in range(len(record.completions))]
            for a, b, preferred in record.pairs():
                pairs.append(
                    {
                        "dataset_id": self.dataset_id,
                        "record_id": record_id,
                        "completion_a_id": cids[a],
                        "completion_b_id": cids[b],
                        "preferred": None
                        if preferred is None
                        else ("a" if preferred == a else "b"),
                    }
                )
        if pairs:
            self.session.execute(sa.insert(_table(m.Pair)), pairs)
            result.pairs += len(pairs)


def _table(model: type[m.Base]) -> sa.Table:
    """The Core table of a model, for executemany inserts without ORM bookkeeping."""
    return cast(sa.Table, model.__table__)


def _role_counts(record: Record) -> dict[str, int]:
    counts: dict[str, int] = {}
    for msg in record.messages:
        role = str(msg.get("role"))
        counts[role] = counts.get(role, 0) + 1
    return counts


def import_files(
    ws: Workspace,
    paths: list[str | Path],
    dataset: str,
    **kwargs: Any,
) -> list[ImportResult]:
    results = []
    for path in paths:
        if not Path(path).exists():
            raise InputError(f"{path}: no such file")
        results.append(import_file(ws, path, dataset, **kwargs))
    return results


@dataclass(slots=True)
class ScanReport:
    """What an import would do, without writing anything (the Import page's check)."""

    path: str
    format: str
    container: str
    lines: int = 0
    valid: int = 0
    completions: int = 0
    pairs: int = 0
    rejected: int = 0
    errors: list[LineError] = field(default_factory=list)
    tokens: Any = None  # numpy int64 array, one total per valid record
    encoding: str = ""
    note: str = ""
    columns: list[str] | None = None
    mapping: ColumnMapping | None = None


def scan_file(
    path: str | Path,
    format: str | None = None,
    mapping: ColumnMapping | None = None,
    *,
    progress: Progress | None = None,
) -> ScanReport:
    """Parse every item and count tokens, as an import would, but write nothing."""
    import numpy as np

    from curation.formats.table import table_columns

    source = open_source(path, format, mapping)
    counter = counter_for_model("gpt-4.1")
    report = ScanReport(
        path=str(path),
        format=source.format.name,
        container=source.container,
        encoding=counter.encoding,
        note=counter.note,
        mapping=source.mapping,
    )
    if source.mapping is not None:
        report.columns = table_columns(source.path, source.container)
    chunks: list[Any] = []
    for batch in _batches(_parsed(source, report, None), BATCH):
        records = [p.record for p in batch if p.record is not None]
        totals, _ = counter.conversations([r.messages for r in records])
        chunks.append(totals)
        report.valid += len(records)
        report.completions += sum(len(r.completions) for r in records)
        report.pairs += sum(len(r.completions) * (len(r.completions) - 1) // 2 for r in records)
        if progress:
            progress(report.lines)
    report.tokens = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    return report


def preview_records(
    path: str | Path, format: str | None = None, mapping: ColumnMapping | None = None, n: int = 5
) -> list[Parsed]:
    """The first ``n`` items, parsed, for the preview."""
    return list(islice(open_source(path, format, mapping).records(), n))


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    """A client-supplied file name reduced to a plain name that cannot leave its folder."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).lstrip(".") or "upload"
    return base[:120]


def store_upload(ws: Workspace, name: str, data: bytes) -> Path:
    """Save uploaded bytes under ``<workspace>/uploads/`` (content-addressed, atomic)."""
    digest = hashlib.sha256(data).hexdigest()[:12]
    target = ws.path_in("uploads", f"{digest}-{safe_file_name(name)}")
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return target
