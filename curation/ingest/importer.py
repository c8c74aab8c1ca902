"""Import files into a workspace dataset: one transaction per file, every bad line reported.

Records are deduplicated by content hash within the dataset, so importing the same
file twice adds nothing. Each record with N completions gets its N(N−1)/2 pairs. The
rows are built by :mod:`curation.ingest.rows` (on :mod:`curation.engine` for big files) and
written by :mod:`curation.ingest.writer`; :mod:`curation.ingest.scan` checks a file
without importing it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from curation import exitcodes
from curation.audit import log_event
from curation.errors import InputError
from curation.fileio.gate import open_regular
from curation.fileio.limits import CHUNK
from curation.ingest.formats import ColumnMapping, LineError, field_notes, open_source
from curation.ingest.formats.base import Format
from curation.ingest.formats.notes import FieldNote
from curation.ingest.rows import BuiltChunk, RowContext, built_chunks
from curation.ingest.scan import LineTally, estimate_items
from curation.ingest.tokens import counter_for_model
from curation.ingest.writer import BatchWriter
from curation.progress import Progress
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.queries import get_or_create_dataset, refresh_planner_stats
from curation.wording import plural

BATCH = 2000
KEEP_ERRORS = 10_000
BULK_CACHE_KIB = 128 * 1024
STAGE = "import"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """One file imported: what was read, added, skipped and rejected (the first errors kept)."""

    path: str
    dataset: str
    format: str
    items: int
    imported: int
    skipped: int  # content that was in the dataset before this import
    repeats: int  # items repeating an earlier item of this same file (imported once)
    rejected: int
    completions: int
    pairs: int
    # fields the importer mapped or kept without using (see curation.ingest.formats.notes)
    fields: tuple[FieldNote, ...]
    errors: tuple[LineError, ...]
    import_id: int | None = None
    note: str = ""

    @property
    def exit_code(self) -> int:
        """0 all imported, 2 some rejected, 1 nothing usable (no item, or every one rejected)."""
        return exitcodes.for_items(self.items, self.rejected)

    def summary(self) -> str:
        if self.items == 0:
            return (
                f"{Path(self.path).name}: no items (the file is empty or holds only a header"
                " row); nothing imported"
            )
        parts = [f"{self.imported:,} imported"]
        if self.repeats:
            parts.append(f"{plural(self.repeats, 'duplicate')} inside this file (kept once)")
        if self.skipped:
            parts.append(f"{self.skipped:,} already in the dataset")
        if self.rejected:
            parts.append(f"{self.rejected:,} rejected")
        tail = (
            f" ({plural(self.completions, 'completion')}, {plural(self.pairs, 'pair')})"
            if self.completions
            else ""
        )
        return f"{Path(self.path).name} [{self.format}] → {self.dataset}: {', '.join(parts)}{tail}"

    def as_dict(self) -> dict[str, Any]:
        """The ``--json`` form: every field but the import run's id and the tokenizer note."""
        out = asdict(self)
        del out["import_id"], out["note"]
        return out

    def field_report(self) -> list[str]:
        """One line per field the importer mapped or kept without using."""
        return [str(n) for n in self.fields]


@dataclass(slots=True)
class _Tally(LineTally):
    """The running counts of one import (the writer adds to them as it writes)."""

    imported: int = 0
    skipped: int = 0
    repeats: int = 0


def file_sha256(path: str | Path) -> str:
    """sha256 of a file; of a folder (a datasets save_to_disk), of its files in name order."""
    digest = hashlib.sha256()
    p = Path(path)
    for file in sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p]:
        with open_regular(file) as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
    return digest.hexdigest()


def import_file(
    ws: Workspace,
    path: str | Path,
    dataset: str,
    *,
    format: str | Format | None = None,
    mapping: ColumnMapping | None = None,
    actor: str = "cli",
    display_name: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one file in one transaction. Bad lines are reported, never fatal.

    ``progress`` hears ``("import", items read, estimated items or None)`` after each chunk.
    """
    source = open_source(path, format, mapping)
    counter = counter_for_model("gpt-4.1")
    shown = display_name or str(path)
    total = estimate_items(path) if progress is not None else None
    sha = file_sha256(path)
    tally = _Tally()
    with ws.tx() as session:
        ds, _ = get_or_create_dataset(session, dataset)
        run = m.ImportRun(
            dataset_id=ds.id, path=shown, format=source.format.name, sha256=sha, actor=actor
        )
        session.add(run)
        session.flush()
        writer = BatchWriter(session, ds.id, run.id, source.format.name)
        ctx = RowContext(source.format, counter, writer.records.constants)
        with _bulk_cache(session), closing(built_chunks(source, ctx)) as chunks:
            for chunk in chunks:
                _count(chunk, tally)
                writer.write(chunk, tally)
                if progress is not None:
                    done = tally.lines
                    progress(STAGE, done, total if total is None or total >= done else None)
        if tally.imported >= BATCH:
            refresh_planner_stats(session, "records", "completions", "pairs")
        result = ImportResult(
            path=shown,
            dataset=dataset,
            format=source.format.name,
            items=tally.lines,
            imported=tally.imported,
            skipped=tally.skipped,
            repeats=tally.repeats,
            rejected=tally.rejected,
            completions=tally.completions,
            pairs=tally.pairs,
            fields=tuple(field_notes(tally.notes)),
            errors=tuple(tally.errors),
            import_id=run.id,
            note=counter.note,
        )
        _finish_run(session, run, result, actor, sha)
    return result


def _finish_run(
    session: Session, run: m.ImportRun, result: ImportResult, actor: str, sha: str
) -> None:
    """Record the outcome on the import run and in the audit log."""
    run.lines, run.imported = result.items, result.imported
    run.skipped = result.skipped + result.repeats
    run.rejected = result.rejected
    run.errors = [e.as_dict() for e in result.errors[:1000]]
    run.finished_at = m.utcnow()
    log_event(
        session,
        actor,
        "import",
        "dataset",
        run.dataset_id,
        file=result.path,
        format=result.format,
        sha256=sha,
        imported=result.imported,
        skipped=result.skipped,
        repeats=result.repeats,
        rejected=result.rejected,
        fields=result.field_report()[:50],
    )


@contextmanager
def _bulk_cache(session: Session) -> Iterator[None]:
    """A bigger SQLite page cache while the import writes, the normal one afterwards.

    Fewer index pages are evicted and written again: at 1M records, inserting took 21 s
    with the default 2 MiB, 18 s with 64 MiB, 16 s with 128 MiB (the content-hash index
    is about 100 MB then). Restored before the connection goes back to the pool.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    normal = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {normal}")


def _count(chunk: BuiltChunk, tally: _Tally) -> None:
    tally.lines += chunk.items
    tally.rejected += len(chunk.errors)
    tally.notes.update(chunk.notes)
    room = KEEP_ERRORS - len(tally.errors)
    if room > 0:
        tally.errors.extend(chunk.errors[:room])


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
