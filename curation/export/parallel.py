"""Pass 2 of a large JSONL export on the engine: actors building chunks, this process writing.

Building a row, checking it with the validator and counting its tokens is Python work
that one process cannot spread over several cores (the token counter's thread and the
row builder share one interpreter lock). Here each engine worker (a Ray actor, see
:func:`curation.engine.actor_map`) opens its own connection to the workspace database
once and, for one id-ordered chunk of kept records at a time, runs
:func:`~curation.export.rows.build_chunk` — the same code as the in-process pass —
counts the rows' tokens, and returns each file's lines joined into one bytes string.
This process writes the chunks in chunk order through the staged sinks, which hash what
they write, so the files, their sha256 and every count are those of the in-process pass.

What the workers read:

- PostgreSQL: the export's own snapshot. The parent's ``REPEATABLE READ`` transaction
  exports it (``pg_export_snapshot()``) and each worker imports it
  (``SET TRANSACTION SNAPSHOT``), so both passes see one consistent state. Workers on
  other nodes reach the same URL.
- SQLite cannot share a snapshot between connections: a worker reads the database as
  it is when pass 2 starts (one read transaction for the whole pass). A record that,
  since the plan, was deleted, lost its ``active`` status or was sent back to PII review
  is left out and counted as ``changed_during_export``
  (:func:`~curation.export.rows.still_cleared`); it is never exported uncleared. The
  file must be on a disk every worker sees (a local instance, or one machine).

:func:`engine_for` says where the pass runs (:func:`curation.engine.choose`, stage
``export``): small exports, other containers and in-memory databases stay in-process.
"""

from __future__ import annotations

import pickle
import re
import traceback
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.engine.choice import IN_PROCESS, Engine, Size, choose
from curation.engine.mapping import actor_map
from curation.errors import CurationError, InternalError
from curation.export.plan import Context
from curation.export.rows import (
    RowPass,
    Stats,
    build_chunk,
    set_layouts,
    split_names,
    tally,
)
from curation.export.sinks import JsonlSink, Sink, jsonl_line
from curation.ingest.report import ValidationReport
from curation.ingest.tokens import Counter as TokenCounter
from curation.store import labeling_models as lm
from curation.store import models as m
from curation.store.db import Workspace
from curation.store.failures import storage_error

_SNAPSHOT_ID = re.compile(r"^[0-9A-Fa-f-]+$")


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs for the pass, sent once when the plan is done."""

    url: str
    folder: str
    snapshot: str | None
    ctx: Context
    counter: TokenCounter
    names: tuple[str, str]


@dataclass(slots=True)
class Lines:
    """One chunk's rows for one file as a worker returns them."""

    data: bytes
    rows: int
    totals: np.ndarray
    assistant: np.ndarray
    missing_system: int
    missing_user: int


@dataclass(slots=True)
class BuiltChunk:
    files: dict[str, Lines]
    stats: Stats
    expected: int


# --------------------------------------------------------------------------- this process


def engine_for(ws: Workspace, ctx: Context, rows: int) -> Engine:
    """Where pass 2 runs for ``rows`` rows."""
    if ctx.fmt.container != "jsonl" or in_memory(ws.url):
        return IN_PROCESS
    return choose("export", Size(records=rows))


def in_memory(url: str) -> bool:
    database = sa.make_url(url).database
    return url.startswith("sqlite") and (not database or database == ":memory:")


def export_snapshot(session: Session) -> str | None:
    """The id of the session's PostgreSQL snapshot, for the workers to read in; None on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    snapshot = str(session.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one())
    if not _SNAPSHOT_ID.match(snapshot):
        raise InternalError(f"unexpected snapshot id {snapshot!r}")
    return snapshot


def write_rows_in_workers(
    engine: Engine, ws: Workspace, session: Session, job: RowPass, counter: TokenCounter
) -> None:
    """Pass 2 with the engine's workers building the chunks and this process writing them."""
    names = split_names(len(job.sinks))
    work = Job(
        ws.url,
        str(ws.folder),
        export_snapshot(session),
        worker_context(job.ctx),
        replace(counter, threads=1),
        names,
    )
    done = 0
    chunks = actor_map(partial(open_worker, work), build_in_worker, job.chunks(), engine=engine)
    for chunk in chunks:
        done += _write(chunk, job.sinks, job.reports, job.stats)
        job.advanced(done)
    set_layouts(job.ctx.fmt, job.reports)


def worker_context(ctx: Context) -> Context:
    """The export's context without what only the plan needs or this session holds."""
    campaign = None
    if ctx.campaign is not None:
        campaign = lm.Campaign(
            id=ctx.campaign.id, name=ctx.campaign.name, criteria=list(ctx.campaign.criteria)
        )
    return replace(
        ctx,
        dataset=m.Dataset(id=ctx.dataset.id, name=ctx.dataset.name),
        campaign=campaign,
        aggregation=None,
        clusters={},
        dedup_run=None,
    )


def _write(
    chunk: BuiltChunk,
    sinks: dict[str, Sink],
    reports: dict[str, ValidationReport],
    stats: Stats,
) -> int:
    for name, lines in chunk.files.items():
        sink = sinks[name]
        assert isinstance(sink, JsonlSink)
        sink.write_lines(lines.data, lines.rows)
        report = reports[name]
        report.add_tokens(lines.totals, lines.assistant)
        tally(report, lines.rows, lines.missing_system, lines.missing_user)
    stats.merge(chunk.stats)
    return chunk.expected


# --------------------------------------------------------------------------- the workers


@dataclass(slots=True)
class _WorkerState:
    job: Job
    session: Session


def open_worker(job: Job) -> _WorkerState:
    """A worker's state, made once: the tokenizer loaded, the read transaction open."""
    job.counter.count(["warm up"])
    try:
        return _WorkerState(job, _open(job))
    except Exception as exc:
        raise _portable(exc) from None


def build_in_worker(
    state: _WorkerState, task: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> BuiltChunk:
    ids, splits, expected = task
    try:
        return _build(state.session, state.job, ids, splits, expected)
    except Exception as exc:
        raise _portable(exc) from None


def _open(job: Job) -> Session:
    """This worker's read transaction, in the export's snapshot on PostgreSQL."""
    ws = Workspace(job.url, Path(job.folder))
    connection = ws.read_engine.connect()
    if job.snapshot is not None:
        connection.execution_options(isolation_level="REPEATABLE READ")
        connection.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{job.snapshot}'")
    else:
        # SQLite takes its read snapshot at the first read, not at BEGIN.
        connection.execute(sa.select(m.Record.id).limit(1)).all()
    return Session(bind=connection)


def _build(
    session: Session, job: Job, ids: np.ndarray, splits: np.ndarray, expected: np.ndarray
) -> BuiltChunk:
    chunk = build_chunk(session, job.ctx, ids, splits, expected, job.names, jsonl_line)
    files: dict[str, Lines] = {}
    for name, part in chunk.parts.items():
        totals, assistant = job.counter.conversations(part.conversations)
        files[name] = Lines(
            b"".join(part.rows),
            len(part.rows),
            totals,
            assistant,
            part.missing_system,
            part.missing_user,
        )
    return BuiltChunk(files, chunk.stats, chunk.expected)


def _portable(exc: Exception) -> Exception:
    """The error as the parent can receive it (an unexpected one with its traceback)."""
    failure = storage_error(exc)  # one line, no SQL: the parent shows it as it is
    if failure is not None:
        return failure
    if not isinstance(exc, CurationError):
        traceback.print_exc()
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
